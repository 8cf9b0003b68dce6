package org.motcua.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The account as the password check sees it: the principal and its password hash. Lives only while a sign-in is
 * checked; what stays signed in is the {@link MotcuaUser} alone (see {@link ThrottledSignIn}).
 */
record SignInAccount(MotcuaUser user, String passwordHash) implements UserDetails {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return user.getAuthorities();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return user.username();
  }

  @Override
  public boolean isEnabled() {
    return user.enabled();
  }

  @Override
  public String toString() {
    return user.toString();
  }
}
