package org.motcua.web;

import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: the login page, and the root that sends everyone to where their work is. */
@Controller
class HomeController {

  @GetMapping("/")
  String home(@AuthenticationPrincipal MotcuaUser user) {
    return "redirect:" + (user == null ? "/procedures" : RoleHomes.homeOf(user.role()));
  }

  @GetMapping("/login")
  String login(@AuthenticationPrincipal MotcuaUser user) {
    return user == null ? "login" : "redirect:" + RoleHomes.homeOf(user.role());
  }
}
