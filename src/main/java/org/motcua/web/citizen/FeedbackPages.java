package org.motcua.web.citizen;

import java.util.List;
import org.motcua.common.ApiException;
import org.motcua.feedback.FeedbackProperties;
import org.motcua.feedback.FeedbackView;
import org.motcua.feedback.FollowFeedback;
import org.motcua.feedback.ReplyToFeedback;
import org.motcua.feedback.WriteFeedback;
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
 * Phản ánh, kiến nghị for the citizen: their feedback and the form to write one (about a dossier when the dossier
 * page's link names it, else about a procedure); one feedback with its answer, where they add the information asked
 * for and like or dislike the answer.
 */
@Controller
@RequestMapping("/citizen/feedback")
class FeedbackPages {

  private static final List<String> FIELDS = List.of("procedureCode", "agencyCode", "title", "content");

  private final WriteFeedback writing;
  private final ReplyToFeedback replies;
  private final FollowFeedback following;
  private final FormRefusals refusals;
  private final FeedbackProperties properties;

  FeedbackPages(WriteFeedback writing, ReplyToFeedback replies, FollowFeedback following, FormRefusals refusals,
      FeedbackProperties properties) {
    this.properties = properties;
    this.writing = writing;
    this.replies = replies;
    this.following = following;
    this.refusals = refusals;
  }

  @GetMapping
  String mine(@AuthenticationPrincipal MotcuaUser citizen, @RequestParam(required = false) String dossier,
      @RequestParam(required = false) String procedure, @RequestParam(defaultValue = "0") int page, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new WriteFeedback.Request(blankToNull(dossier), blankToNull(procedure), null, null,
          null));
    }
    FollowFeedback.FeedbackPage found = following.list(citizen, page, 20);
    model.addAttribute("limits", properties.limits());
    model.addAttribute("items", found.items());
    model.addAttribute("page", found.page());
    model.addAttribute("pages", (int) ((found.total() + 19) / 20));
    return "citizen/feedback";
  }

  @PostMapping
  String write(@AuthenticationPrincipal MotcuaUser citizen, @RequestParam(required = false) String dossierCode,
      @RequestParam(required = false) String procedureCode, @RequestParam(required = false) String agencyCode,
      @RequestParam(required = false) String title, @RequestParam(required = false) String content, Model model,
      RedirectAttributes redirect) {
    WriteFeedback.Request form = new WriteFeedback.Request(blankToNull(dossierCode), blankToNull(procedureCode),
        blankToNull(agencyCode), title, content);
    try {
      FeedbackView written = writing.write(citizen, form);
      redirect.addFlashAttribute("notice", "web.feedback.written");
      return "redirect:/citizen/feedback/" + written.id();
    } catch (ApiException e) {
      if (e.status().value() == 404) {
        throw e;
      }
      model.addAttribute("form", form);
      model.addAttribute("refused", refusals.place(e, "form", FIELDS));
      return mine(citizen, null, null, 0, model);
    }
  }

  @GetMapping("/{id}")
  String one(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable long id, Model model) {
    model.addAttribute("f", following.read(citizen, id));
    return "citizen/feedback-one";
  }

  @PostMapping("/{id}/information")
  String provide(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable long id,
      @RequestParam(required = false) String text, Model model, RedirectAttributes redirect) {
    try {
      replies.provideInformation(citizen, id, text);
    } catch (ApiException e) {
      if (e.status().value() == 404 || e.status().value() == 403) {
        throw e;
      }
      model.addAttribute("refused", refusals.place(e, "text", List.of()));
      model.addAttribute("text", text);
      return one(citizen, id, model);
    }
    redirect.addFlashAttribute("notice", "web.feedback.informationSent");
    return "redirect:/citizen/feedback/" + id;
  }

  @PostMapping("/{id}/reaction")
  String react(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable long id,
      @RequestParam(required = false) String reaction, RedirectAttributes redirect) {
    replies.react(citizen, id, reaction);
    redirect.addFlashAttribute("notice", "web.feedback.reacted");
    return "redirect:/citizen/feedback/" + id;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
