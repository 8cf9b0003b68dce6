package org.motcua.security;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Sign-in (the login form and HTTP Basic): checks the password against the account's hash, then keeps as the
 * principal the {@link MotcuaUser} without the hash. The principal lives on in the security context of every request
 * and, for pages, in the session stored in the database: the hash has no business there.
 */
@Component
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

  AccountAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder) {
    super(username -> accounts.forSignIn(username)
        .orElseThrow(() -> new UsernameNotFoundException(username)));
    setPasswordEncoder(encoder);
  }

  @Override
  protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
      UserDetails account) {
    return super.createSuccessAuthentication(((SignInAccount) account).user(), authentication, account);
  }
}
