package org.motcua.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one authentication provider, for HTTP Basic and the login form alike: the usual account lookup and BCrypt
 * check, with the {@link SignInThrottle} around the password check; the signed-in principal carries no hash.
 *
 * <ul>
 *   <li>A password {@link VerifiedPasswords} remembers as right (the same client's calls a moment ago) is accepted
 *       without a lookup or a write: it is no guess, and the API's many Basic calls cost nothing more.
 *   <li>Any other sign-in first reads its standing (one primary-key lookup); a backed-off attempt is refused (429 /
 *       the login page's message) without its password being checked, so a right password does not get through.
 *   <li>A wrong password is counted as a failure once BCrypt has said so; an unknown username counts the same. A
 *       burst of guesses sent at the same moment can have a few more checked than the limit before the back-off
 *       starts: the price of never refusing a client's parallel first calls that carry the right password.
 * </ul>
 */
@Component
class ThrottledSignIn extends DaoAuthenticationProvider {

  private final SignInThrottle throttle;
  private final VerifiedPasswords remembered;

  ThrottledSignIn(UserAccounts accounts, PasswordEncoder passwords, SignInThrottle throttle) {
    super(passwords);
    setUserDetailsService(username -> accounts.forSignIn(username)
        .orElseThrow(() -> new UsernameNotFoundException(username)));
    setHideUserNotFoundExceptions(false); // handled in authenticate, after counting the attempt
    this.throttle = throttle;
    this.remembered = passwords instanceof VerifiedPasswords verified ? verified : null;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    try {
      return super.authenticate(authentication);
    } catch (UsernameNotFoundException unknown) {
      // Guessing names counts like guessing passwords (and is refused the same way); the answer stays "wrong user
      // name or password", so it does not tell which names exist.
      if (authentication instanceof UsernamePasswordAuthenticationToken token) {
        throttle.take(authentication.getName(), addressOf(token));
      }
      throw new BadCredentialsException(messages.getMessage("AbstractUserDetailsAuthenticationProvider.badCredentials",
          "Bad credentials"));
    }
  }

  @Override
  protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
    String username = user.getUsername();
    String address = addressOf(authentication);
    Object password = authentication.getCredentials();
    if (remembered != null && password != null && remembered.remembers(password.toString(), user.getPassword())) {
      // This very password was checked right moments ago: not a guess, so no back-off applies. Someone guessing at
      // the account from elsewhere does not stop its owner's API client that is already working.
      super.additionalAuthenticationChecks(user, authentication);
      return;
    }
    long retryAfter = throttle.secondsToWait(username, address);
    if (retryAfter > 0) {
      throw new SignInThrottledException(retryAfter);
    }
    try {
      super.additionalAuthenticationChecks(user, authentication);
    } catch (AuthenticationException wrong) {
      // Only a checked wrong password counts (counting before the check made a client's parallel first calls with
      // the right password refuse each other for a minute).
      throttle.take(username, address);
      throw wrong;
    }
    throttle.succeeded(username, address);
  }

  /**
   * Keeps as the principal the {@link MotcuaUser} without the password hash: it lives on in the security context of
   * every request and, for pages, in the session stored in the database, where the hash has no business.
   */
  @Override
  protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
      UserDetails account) {
    return super.createSuccessAuthentication(((SignInAccount) account).user(), authentication, account);
  }

  /**
   * The login form's failures: a backed-off attempt goes back to {@code /login?throttled=<minutes>} (the page states
   * the wait); any other to {@code /login?error} as before.
   */
  static AuthenticationFailureHandler loginFailure() {
    SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
    return (request, response, e) -> {
      if (e instanceof SignInThrottledException throttled) {
        // The wait goes in the address, not in a session: a refused attempt must not store anything.
        response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        response.sendRedirect(request.getContextPath() + "/login?throttled=" + throttled.retryAfterMinutes());
      } else {
        wrong.onAuthenticationFailure(request, response, e);
      }
    };
  }

  private static String addressOf(UsernamePasswordAuthenticationToken authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
  }
}
