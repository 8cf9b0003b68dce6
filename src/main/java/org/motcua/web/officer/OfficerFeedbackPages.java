package org.motcua.web.officer;

import java.util.List;
import org.motcua.common.ApiException;
import org.motcua.feedback.FeedbackProperties;
import org.motcua.feedback.FollowFeedback;
import org.motcua.feedback.HandleFeedback;
import org.motcua.security.MotcuaUser;
import org.motcua.web.FormRefusals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Phản ánh, kiến nghị for the officers of the responsible agency: the list, newest first, with each one's deadlines,
 * and one feedback with the three actions (reject, ask for information, answer).
 */
@Controller
@RequestMapping("/officer/feedback")
class OfficerFeedbackPages {

  private static final int PAGE_SIZE = 20;

  private final FollowFeedback following;
  private final HandleFeedback handling;
  private final FormRefusals refusals;
  private final FeedbackProperties properties;

  OfficerFeedbackPages(FollowFeedback following, HandleFeedback handling, FormRefusals refusals,
      FeedbackProperties properties) {
    this.properties = properties;
    this.following = following;
    this.handling = handling;
    this.refusals = refusals;
  }

  @GetMapping
  String list(@AuthenticationPrincipal MotcuaUser officer, @RequestParam(defaultValue = "0") int page, Model model) {
    FollowFeedback.FeedbackPage found = following.list(officer, page, PAGE_SIZE);
    model.addAttribute("limits", properties.limits());
    model.addAttribute("items", found.items());
    model.addAttribute("page", found.page());
    model.addAttribute("pages", (int) ((found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    return "officer/feedback";
  }

  @GetMapping("/{id}")
  String one(@AuthenticationPrincipal MotcuaUser officer, @PathVariable long id, Model model) {
    model.addAttribute("f", following.read(officer, id));
    return "officer/feedback-one";
  }

  /** {@code action}: {@code rejection}, {@code information-request} or {@code answer}, with its text. */
  @PostMapping("/{id}/{action}")
  String act(@AuthenticationPrincipal MotcuaUser officer, @PathVariable long id, @PathVariable String action,
      @RequestParam(required = false) String text, Model model, RedirectAttributes redirect) {
    try {
      switch (action) {
        case "rejection" -> handling.reject(officer, id, text);
        case "information-request" -> handling.requestInformation(officer, id, text);
        case "answer" -> handling.answer(officer, id, text);
        default -> {
          return "redirect:/officer/feedback/" + id;
        }
      }
    } catch (ApiException e) {
      if (e.status().value() == 404 || e.status().value() == 403) {
        throw e;
      }
      model.addAttribute("refused", refusals.place(e, action, List.of()));
      model.addAttribute("action", action);
      model.addAttribute("text", text);
      return one(officer, id, model);
    }
    redirect.addFlashAttribute("notice", "web.feedback.done." + action);
    return "redirect:/officer/feedback/" + id;
  }
}
