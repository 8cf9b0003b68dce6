package org.motcua.web.officer;

import org.motcua.common.ApiException;
import org.motcua.dossier.ChangeCase;
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
 * Đổi trường hợp at reception, on the officer's dossier page: the clerk picks another case and asks for a preview
 * (GET: fee, time limit, appointment if received now, components), then confirms it (POST). Plain forms, no script.
 */
@Controller
@RequestMapping("/officer/dossiers/{code}/case")
class CaseChangePages {

  private final ChangeCase changeCase;
  private final OfficerPages officerPages;
  private final FormRefusals refusals;

  CaseChangePages(ChangeCase changeCase, OfficerPages officerPages, FormRefusals refusals) {
    this.changeCase = changeCase;
    this.officerPages = officerPages;
    this.refusals = refusals;
  }

  /** The dossier page with the preview of the case chosen and its confirm button, or the refusal next to the select. */
  @GetMapping
  String preview(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @RequestParam(required = false) String caseCode, Model model) {
    try {
      model.addAttribute("casePreview", changeCase.preview(clerk, code, caseCode));
    } catch (ApiException e) {
      model.addAttribute("caseError", refusals.message(e));
    }
    return officerPages.dossier(clerk, code, model);
  }

  @PostMapping
  String confirm(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @RequestParam(required = false) String caseCode, Model model, RedirectAttributes redirect) {
    try {
      changeCase.confirm(clerk, code, caseCode);
    } catch (ApiException e) {
      model.addAttribute("caseError", refusals.message(e));
      return officerPages.dossier(clerk, code, model);
    }
    redirect.addFlashAttribute("notice", "web.case.changed");
    return "redirect:/officer/dossiers/" + code;
  }
}
