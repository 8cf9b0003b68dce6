package org.motcua.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as the rest of motcua sees it: name, role and, for officers, their agency. Carries no password
 * hash (it is kept in the session): the sign-in check reads the hash apart, see {@link SignInAccount}.
 */
public record MotcuaUser(String username, String fullName, Role role, String agencyCode, String idNumber,
    boolean enabled) implements UserDetails {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  /** None: the principal never holds the password or its hash. */
  @Override
  public String getPassword() {
    return null;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  public boolean is(Role r) {
    return role == r;
  }

  /** The BPMN candidate group this user works in, or null for citizens and admins. */
  public String taskGroup() {
    return role.isOfficer() && agencyCode != null ? role.groupIn(agencyCode) : null;
  }

  @Override
  public String toString() {
    return username + " (" + role + (agencyCode == null ? "" : "@" + agencyCode) + ")";
  }
}
