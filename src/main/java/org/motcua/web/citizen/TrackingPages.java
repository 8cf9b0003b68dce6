package org.motcua.web.citizen;

import java.time.LocalDateTime;
import java.util.List;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierService;
import org.motcua.web.DossierPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public tracking (tra cứu hồ sơ) without an account: the dossier code printed on the receipt plus the last four digits
 * of the applicant's phone. A wrong code and wrong digits get the same answer, so the page does not tell which codes
 * exist; the result leaves out names, notes and contact details.
 */
@Controller
class TrackingPages {

  private static final int DIGITS = 4;

  private final DossierService dossiers;
  private final DossierPages pages;

  TrackingPages(DossierService dossiers, DossierPages pages) {
    this.dossiers = dossiers;
    this.pages = pages;
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
      Model model) {
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
    Dossier dossier = dossiers.track(trimmedCode, digits).orElse(null);
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
