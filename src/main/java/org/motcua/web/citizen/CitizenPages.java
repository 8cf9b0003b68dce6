package org.motcua.web.citizen;

import jakarta.validation.Valid;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.common.ApiException;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierRequests;
import org.motcua.dossier.DossierService;
import org.motcua.security.MotcuaUser;
import org.motcua.web.DossierPages;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen's own pages: submit online, follow my dossiers, answer a supplement request. */
@Controller
@RequestMapping("/citizen")
class CitizenPages {

  private static final int PAGE_SIZE = 20;

  private final DossierService dossiers;
  private final DossierPages pages;
  private final Catalog catalog;
  private final CatalogPages catalogPages;

  CitizenPages(DossierService dossiers, DossierPages pages, Catalog catalog, CatalogPages catalogPages) {
    this.dossiers = dossiers;
    this.pages = pages;
    this.catalog = catalog;
    this.catalogPages = catalogPages;
  }

  @GetMapping("/submit/{procedureCode}")
  String submitForm(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String procedureCode, Model model) {
    SubmitForm form = new SubmitForm();
    // Who is signed in is who usually applies: start from their account, they can change it.
    form.setName(citizen.fullName());
    form.setIdNumber(citizen.idNumber());
    model.addAttribute("form", form);
    return submitPage(procedureCode, model);
  }

  @PostMapping("/submit/{procedureCode}")
  String submit(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String procedureCode,
      @Valid @ModelAttribute("form") SubmitForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return submitPage(procedureCode, model);
    }
    Dossier dossier;
    try {
      dossier = dossiers.submitOnline(citizen, new DossierRequests.SubmitDossier(procedureCode,
          new DossierRequests.ApplicantInput(form.getName().trim(), form.getIdNumber().trim(), form.getPhone(),
              form.getEmail(), form.getAddress().trim())));
    } catch (ApiException e) {
      if (!e.code().equals("INVALID_ID_NUMBER")) {
        throw e;
      }
      errors.rejectValue("idNumber", "error.INVALID_ID_NUMBER", e.args(), null);
      return submitPage(procedureCode, model);
    }
    redirect.addFlashAttribute("notice", "web.citizen.submitted");
    return "redirect:/citizen/dossiers/" + dossier.getCode();
  }

  private String submitPage(String procedureCode, Model model) {
    Procedure procedure = catalog.procedure(procedureCode)
        .orElseThrow(() -> ApiException.notFound("UNKNOWN_PROCEDURE", procedureCode));
    if (!procedure.onlineLevel().offeredOnline()) {
      throw ApiException.badRequest("PROCEDURE_NOT_ONLINE", procedureCode);
    }
    model.addAttribute("p", catalogPages.card(procedure));
    return "citizen/submit";
  }

  @GetMapping("/dossiers")
  String myDossiers(@AuthenticationPrincipal MotcuaUser citizen, @RequestParam(defaultValue = "0") int page,
      Model model) {
    Page<Dossier> found = dossiers.list(citizen, page, PAGE_SIZE);
    model.addAttribute("dossiers", found.getContent().stream().map(pages::row).toList());
    model.addAttribute("page", found.getNumber());
    model.addAttribute("pages", found.getTotalPages());
    return "citizen/dossiers";
  }

  @GetMapping("/dossiers/{code}")
  String dossier(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code, Model model) {
    model.addAttribute("d", pages.page(dossiers.read(citizen, code), dossiers.openSteps(code)));
    return "citizen/dossier";
  }

  /** After a refused supplement answer the page has the form's address; a reload or language switch lands here. */
  @GetMapping("/dossiers/{code}/supplement")
  String backToDossier(@PathVariable String code) {
    return "redirect:/citizen/dossiers/" + code;
  }

  /** Nộp bổ sung: the applicant says what they supplied; the dossier goes back to the clerk. */
  @PostMapping("/dossiers/{code}/supplement")
  String supplement(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
    if (note == null || note.isBlank() || note.length() > 2000) {
      model.addAttribute("supplementError", note == null || note.isBlank()
          ? "web.validation.required" : "web.validation.tooLong");
      model.addAttribute("note", note);
      return dossier(citizen, code, model);
    }
    dossiers.provideSupplement(citizen, code, note.trim());
    redirect.addFlashAttribute("notice", "web.citizen.supplemented");
    return "redirect:/citizen/dossiers/" + code;
  }
}
