package org.motcua.web.citizen;

import java.util.List;
import org.motcua.common.ApiException;
import org.motcua.common.Problems;
import org.motcua.notification.NotificationChannel;
import org.motcua.notification.NotificationPreferences;
import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen's profile page for messages: which channels (e-mail, SMS, Zalo) and which language. */
@Controller
@RequestMapping("/citizen/notifications")
class NotificationPages {

  private final NotificationPreferences preferences;
  private final Problems messages;

  NotificationPages(NotificationPreferences preferences, Problems messages) {
    this.preferences = preferences;
    this.messages = messages;
  }

  @GetMapping
  String page(@AuthenticationPrincipal MotcuaUser citizen, Model model) {
    model.addAttribute("preference", preferences.of(citizen.username()));
    model.addAttribute("channels", NotificationChannel.values());
    model.addAttribute("languages", NotificationPreferences.LANGUAGES);
    return "citizen/notifications";
  }

  @PostMapping
  String choose(@AuthenticationPrincipal MotcuaUser citizen,
      @RequestParam(name = "channel", required = false) List<String> channels,
      @RequestParam(required = false) String language, Model model, RedirectAttributes redirect) {
    try {
      preferences.choose(citizen.username(), channels, language);
    } catch (ApiException refused) {
      model.addAttribute("failure", messages.message("error." + refused.code(), refused.args()));
      return page(citizen, model);
    }
    redirect.addFlashAttribute("notice", "web.notifications.saved");
    return "redirect:/citizen/notifications";
  }
}
