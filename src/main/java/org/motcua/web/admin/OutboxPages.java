package org.motcua.web.admin;

import org.motcua.common.ApiException;
import org.motcua.common.Problems;
import org.motcua.outbox.OutboxAdmin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox for an administrator: counts by topic (national portal sync, e-mail, SMS, Zalo) and state, the
 * undelivered events with their last error, and a button that resends a dead letter.
 */
@Controller
class OutboxPages {

  private final OutboxAdmin outbox;
  private final Problems messages;

  OutboxPages(OutboxAdmin outbox, Problems messages) {
    this.outbox = outbox;
    this.messages = messages;
  }

  @GetMapping("/admin/outbox")
  String page(@RequestParam(required = false) String topic, @RequestParam(required = false) String state,
      Model model) {
    model.addAttribute("topics", outbox.topics());
    model.addAttribute("topic", topic);
    model.addAttribute("state", state);
    try {
      model.addAttribute("events", outbox.events(topic, state, null));
    } catch (ApiException refused) {
      model.addAttribute("events", outbox.events(topic, null, null));
      model.addAttribute("state", null);
      model.addAttribute("failure", messages.message("error." + refused.code(), refused.args()));
    }
    return "admin/outbox";
  }

  @PostMapping("/admin/outbox/events/{id}/resend")
  String resend(@PathVariable long id, RedirectAttributes redirect) {
    try {
      outbox.resend(id);
      redirect.addFlashAttribute("notice", "web.outbox.resent");
      redirect.addFlashAttribute("noticeCode", id);
    } catch (ApiException refused) {
      redirect.addFlashAttribute("failure", messages.message("error." + refused.code(), refused.args()));
    }
    return "redirect:/admin/outbox?state=DEAD";
  }
}
