package org.motcua.web;

import org.motcua.security.MotcuaUser;
import org.motcua.security.OidcProviders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The front door: the login page, and the root that sends everyone to where their work is. */
@Controller
class HomeController {

  private final OidcProviders providers;

  HomeController(OidcProviders providers) {
    this.providers = providers;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal MotcuaUser user) {
    return "redirect:" + (user == null ? "/procedures" : RoleHomes.homeOf(user.role()));
  }

  /** {@code ?throttled=<minutes>}: sign-in is backed off (security.ThrottledSignIn); only a small number is shown. */
  @GetMapping("/login")
  String login(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam(name = "throttled", required = false) String throttled,
      @RequestParam(name = "oidcError", required = false) String oidcError, Model model) {
    if (user != null) {
      return "redirect:" + RoleHomes.homeOf(user.role());
    }
    if (throttled != null) {
      model.addAttribute("retryMinutes", throttled.matches("[0-9]{1,2}") ? Integer.parseInt(throttled) : 60);
    }
    // Sign-in with the configured identity providers (none: the form only, as before); a refusal's own explanation.
    model.addAttribute("providers", providers.buttons());
    if (oidcError != null) {
      model.addAttribute("oidcError", OidcProviders.REFUSAL_CODES.contains(oidcError) ? oidcError
          : "OIDC_SIGN_IN_FAILED");
    }
    return "login";
  }
}
