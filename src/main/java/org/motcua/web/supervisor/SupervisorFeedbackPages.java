package org.motcua.web.supervisor;

import org.motcua.feedback.FollowFeedback;
import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Overdue feedback (phản ánh, kiến nghị quá hạn) in the supervisor's scope: open past its answer deadline, or rejected,
 * asked about or answered after its deadline; and one feedback, read only.
 */
@Controller
class SupervisorFeedbackPages {

  private static final int PAGE_SIZE = 50;

  private final FollowFeedback following;

  SupervisorFeedbackPages(FollowFeedback following) {
    this.following = following;
  }

  @GetMapping("/supervisor/feedback")
  String overdue(@AuthenticationPrincipal MotcuaUser user, @RequestParam(required = false) String agency,
      @RequestParam(defaultValue = "0") int page, Model model) {
    FollowFeedback.FeedbackPage found = following.overdue(user, agency, page, PAGE_SIZE);
    model.addAttribute("items", found.items());
    model.addAttribute("total", found.total());
    model.addAttribute("agency", agency == null || agency.isBlank() ? null : agency);
    model.addAttribute("page", found.page());
    model.addAttribute("pages", (int) ((found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    return "supervisor/feedback";
  }

  @GetMapping("/supervisor/feedback/{id}")
  String one(@AuthenticationPrincipal MotcuaUser user, @PathVariable long id, Model model) {
    model.addAttribute("f", following.read(user, id));
    return "supervisor/feedback-one";
  }
}
