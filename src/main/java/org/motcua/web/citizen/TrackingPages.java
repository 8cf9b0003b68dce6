package org.motcua.web.citizen;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.util.List;
import org.motcua.common.Problems;
import org.motcua.common.Throttled;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.FollowDossier;
import org.motcua.web.DossierPages;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public tracking (tra cứu hồ sơ) without an account: the dossier code printed on the receipt plus the last four digits
 * of the applicant's phone. A wrong code and wrong digits get the same answer, so the page does not tell which codes
 * exist; the result leaves out names, notes and contact details. Too many wrong answers show the form again with the
 * refusal (HTTP 429 and {@code Retry-After}).
 */
@Controller
class TrackingPages {

  private static final int DIGITS = 4;

  private final FollowDossier dossiers;
  private final DossierPages pages;
  private final Problems problems;

  TrackingPages(FollowDossier dossiers, DossierPages pages, Problems problems) {
    this.dossiers = dossiers;
    this.pages = pages;
    this.problems = problems;
  }

  /** What anyone holding the receipt may see. */
  record Tracked(String code, String procedureName, String agencyName, int status, LocalDateTime submittedAt,
      LocalDateTime receivedAt, LocalDateTime dueAt, LocalDateTime returnedAt, List<Step> steps) {
  }

  record Step(LocalDateTime at, String action, String stepName, String decision) {
  }

  /** The page; {@code /tra-cuu?code=…} is the address the QR code on the printed receipt slip points to. */
  @GetMapping({"/track", "/tra-cuu"})
  String form(@RequestParam(required = false) String code, Model model) {
    model.addAttribute("code", code == null ? null : code.trim());
    return "citizen/track";
  }

  @PostMapping("/track")
  String track(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String phone,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    String trimmedCode = code.trim();
    String digits = phone.trim();
    model.addAttribute("code", trimmedCode);
    if (trimmedCode.isEmpty()) {
      model.addAttribute("codeError", "web.validation.required");
    }
    if (!digits.matches("\\d{" + DIGITS + "}")) {
      model.addAttribute("phoneError", "web.track.digits");
    }
    if (model.containsAttribute("codeError") || model.containsAttribute("phoneError")) {
      return "citizen/track";
    }
    Dossier dossier;
    try {
      dossier = dossiers.track(trimmedCode, digits, request.getRemoteAddr()).orElse(null);
    } catch (Throttled refused) {
      // Too many wrong answers: the form again, with when to retry, and the status a script would understand.
      response.setStatus(refused.status().value());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
      model.addAttribute("lockedMessage", problems.message("error." + refused.code(), refused.args()));
      return "citizen/track";
    }
    if (dossier == null) {
      model.addAttribute("notFound", true);
      return "citizen/track";
    }
    var page = pages.page(dossier, List.of());
    model.addAttribute("t", new Tracked(page.code(), page.procedureName(), page.agencyName(), page.status(),
        page.submittedAt(), page.receivedAt(), page.dueAt(), page.returnedAt(),
        page.history().stream().map(l -> new Step(l.at(), l.action(), l.stepName(), l.decision())).toList()));
    return "citizen/track";
  }
}
