package org.motcua.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A sign-in through an OpenID Connect provider (page session or bearer token), with motcua's own account as the
 * principal, like a password sign-in, and how it was made.
 */
final class MotcuaAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final MotcuaUser user;
  private final SignInMethod method;
  /** The ID token of a page sign-in, for the provider's sign-out (id_token_hint); null for bearer calls. */
  private final String idToken;

  MotcuaAuthentication(MotcuaUser user, SignInMethod method, String idToken) {
    super(user.getAuthorities());
    this.user = user;
    this.method = method;
    this.idToken = idToken;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public MotcuaUser getPrincipal() {
    return user;
  }

  @Override
  public String getName() {
    return user.getUsername();
  }

  SignInMethod method() {
    return method;
  }

  String idToken() {
    return idToken;
  }
}
