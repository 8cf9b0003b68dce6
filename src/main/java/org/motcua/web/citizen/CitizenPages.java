package org.motcua.web.citizen;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.common.ApiException;
import org.motcua.common.Problems;
import org.motcua.draft.FormDrafts;
import org.motcua.eform.AccountIdentities;
import org.motcua.eform.FormRefusal;
import org.motcua.eform.InvalidForm;
import org.motcua.eform.FormDefinition;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierDocuments;
import org.motcua.dossier.DossierPayments;
import org.motcua.dossier.DossierRequests;
import org.motcua.notification.DossierMessages;
import org.motcua.security.MotcuaUser;
import org.motcua.warehouse.Warehouse;
import org.motcua.dossier.Attachment;
import org.motcua.dossier.ComponentRefused;
import org.motcua.dossier.FollowDossier;
import org.motcua.dossier.ProvideSupplement;
import org.motcua.dossier.RateDossier;
import org.motcua.dossier.ReceiveOnline;
import org.motcua.web.DossierPages;
import org.motcua.web.EformFields;
import org.motcua.web.FeeFields;
import org.motcua.web.FormRefusals;
import org.motcua.web.UploadHandler;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's own pages: submit online with the component files (or reuse from the personal e-data warehouse),
 * follow my dossiers, upload, answer a supplement request, pay the fee, download the receipts and the e-result, rate.
 */
@Controller
@RequestMapping("/citizen")
class CitizenPages {

  private static final int PAGE_SIZE = 20;

  private final FollowDossier dossiers;
  private final ReceiveOnline online;
  private final ProvideSupplement supplement;
  private final RateDossier rating;
  private final DossierPages pages;
  private final Catalog catalog;
  private final CatalogPages catalogPages;
  private final DossierDocuments documents;
  private final DossierPayments payments;
  private final Warehouse warehouse;
  private final Problems messages;
  private final FormRefusals refusals;
  private final UploadHandler uploads;
  private final DossierMessages sentMessages;
  private final EformFields eforms;
  private final FormDrafts drafts;
  private final AccountIdentities identities;

  CitizenPages(FollowDossier dossiers, ReceiveOnline online, ProvideSupplement supplement, RateDossier rating,
      DossierPages pages, Catalog catalog, CatalogPages catalogPages, DossierDocuments documents,
      DossierPayments payments, Warehouse warehouse, Problems messages, FormRefusals refusals, UploadHandler uploads,
      DossierMessages sentMessages, EformFields eforms, FormDrafts drafts, AccountIdentities identities) {
    this.dossiers = dossiers;
    this.online = online;
    this.supplement = supplement;
    this.rating = rating;
    this.pages = pages;
    this.catalog = catalog;
    this.catalogPages = catalogPages;
    this.documents = documents;
    this.payments = payments;
    this.warehouse = warehouse;
    this.messages = messages;
    this.refusals = refusals;
    this.uploads = uploads;
    this.sentMessages = sentMessages;
    this.eforms = eforms;
    this.drafts = drafts;
    this.identities = identities;
  }

  /** A draft in the list of the citizen's dossiers, with its "Tiếp tục" link. */
  record DraftRow(long id, String procedureCode, String procedureName, java.time.LocalDateTime savedAt,
      java.time.LocalDateTime expiresAt) {
  }

  /** A document of the citizen's e-data warehouse that can stand in for a component. */
  record ReuseChoice(long id, String name, String filename, LocalDate issuedOn, String sourceDossierCode) {
  }

  @GetMapping("/submit/{procedureCode}")
  String submitForm(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String procedureCode,
      @RequestParam(required = false) Long draft, Model model) {
    Procedure procedure = onlineProcedure(procedureCode);
    SubmitForm form = new SubmitForm();
    Optional<FormDefinition> definition = eforms.definition(procedure, null);
    JsonNode data;
    if (draft != null) {
      // Tiếp tục: the draft's fields as they were left (only its owner gets it: another's is unknown).
      FormDrafts.Draft saved = drafts.read(citizen, draft);
      if (!saved.procedureCode().equals(procedureCode)) {
        return "redirect:/citizen/submit/" + saved.procedureCode() + "?draft=" + draft;
      }
      DraftFields.fill(form, saved.data().path("fields"));
      data = saved.data().path("form");
      model.addAttribute("draftId", draft);
      model.addAttribute("draftExpiresAt", saved.expiresAt());
    } else {
      // Who is signed in is who usually applies: start from their account, they can change it.
      form.setName(citizen.fullName());
      form.setIdNumber(citizen.idNumber());
      data = definition.map(d -> (JsonNode) eforms.definitions().prefill(d, identities.of(citizen))).orElse(null);
    }
    model.addAttribute("form", form);
    definition.ifPresent(d -> {
      model.addAttribute("eform", eforms.page(d, data, Map.of()));
      eforms.preview(d, procedure, data).filter(EformFields.CasePreview::selected)
          .ifPresent(p -> model.addAttribute("casePreview", p));
    });
    return submitPage(citizen, procedureCode, model, Map.of());
  }

  /**
   * Kiểm tra with htmx: the case (and fee) the form's data selects, as the page's preview fragment, while the applicant
   * types; nothing is stored. Without JavaScript the page's "Kiểm tra" button does the same with the whole page.
   */
  @PostMapping("/submit/{procedureCode}/case")
  String casePreview(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String procedureCode,
      HttpServletRequest request, Model model) {
    Procedure procedure = onlineProcedure(procedureCode);
    FormDefinition definition = eforms.definition(procedure, null)
        .orElseThrow(() -> FormRefusal.NO_FORM.exception(procedureCode, ""));
    EformFields.Read read = eforms.read(definition, request);
    model.addAttribute("p", catalogPages.card(procedure));
    model.addAttribute("eform", eforms.page(definition, read.data(), Map.of()));
    eforms.preview(definition, procedure, read.data()).ifPresent(p -> model.addAttribute("casePreview", p));
    return "citizen/submit :: case-preview";
  }

  /** Deletes one of the citizen's drafts, from the list of their dossiers. */
  @PostMapping("/drafts/{id}/delete")
  String deleteDraft(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable long id,
      RedirectAttributes redirect) {
    drafts.delete(citizen, id);
    redirect.addFlashAttribute("notice", "web.draft.deleted");
    return "redirect:/citizen/dossiers";
  }

  @PostMapping("/submit/{procedureCode}")
  String submit(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String procedureCode,
      @Valid @ModelAttribute("form") SubmitForm form, BindingResult errors,
      @RequestParam(defaultValue = "send") String action, @RequestParam(required = false) Long draftId,
      HttpServletRequest request, Model model, RedirectAttributes redirect) {
    Procedure procedure = onlineProcedure(procedureCode);
    Optional<FormDefinition> definition = eforms.definition(procedure, null);
    EformFields.Read read = definition.map(d -> eforms.read(d, request)).orElse(null);
    if (draftId != null) {
      model.addAttribute("draftId", draftId);
    }
    if ("draft".equals(action)) {
      // Lưu nháp: what was typed, as it is (nothing checked, no file kept); not a dossier.
      ObjectNode data = DraftFields.of(form, read == null ? null : read.data());
      FormDrafts.Draft saved = drafts.save(citizen, draftId, procedureCode, data);
      redirect.addFlashAttribute("notice", "web.draft.saved");
      redirect.addFlashAttribute("noticeCode", saved.expiresAt().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
      return "redirect:/citizen/dossiers";
    }
    // The declaration is the e-form, unless the applicant chose to attach a scan of a signed paper one instead.
    String declaration = definition.map(FormDefinition::component).orElse(null);
    boolean declarationAsFile = declaration != null && !"check".equals(action)
        && Attachment.of(declaration, file(request, "file_" + declaration),
            request.getParameter("reuse_" + declaration)) != null;
    Map<String, String> eformErrors = definition.isEmpty() || declarationAsFile ? Map.of()
        : eforms.validate(definition.get(), read);
    if (definition.isPresent()) {
      FormDefinition d = definition.get();
      model.addAttribute("eform", eforms.page(d, read.data(), eformErrors, read.typed()));
      if (!eformErrors.isEmpty()) {
        model.addAttribute("eformError", eformErrors.getOrDefault("", null));
        model.addAttribute("eformInvalid", true);
      }
      Optional<EformFields.CasePreview> preview = eforms.preview(d, procedure, read.data());
      preview.ifPresent(p -> model.addAttribute("casePreview", p));
      // The data selects the case where the law does (a late birth registration): the applicant does not choose it.
      preview.filter(EformFields.CasePreview::selected).ifPresent(p -> form.setCaseCode(p.caseCode()));
    }
    model.addAttribute("fee", FeeFields.of(procedure, request));
    if ("check".equals(action)) {
      // Kiểm tra: every error next to its field and the case the data selects; nothing is stored.
      model.addAttribute("checked", eformErrors.isEmpty() && !errors.hasErrors());
      return submitPage(citizen, procedureCode, model, Map.of());
    }
    // Every required component needs a file or a warehouse document; each missing one is said next to it. The
    // declaration filled in as the e-form needs none.
    Map<String, String> componentErrors = new LinkedHashMap<>();
    List<Attachment> files = new ArrayList<>();
    for (Procedure.Component c : pages.formComponents(procedure, form.getCaseCode())) {
      Attachment a = Attachment.of(c.code(), file(request, "file_" + c.code()), request.getParameter("reuse_" + c.code()));
      if (a != null) {
        files.add(a);
      } else if (c.required() && !c.code().equals(declaration)) {
        componentErrors.put(c.code(), messages.message("web.submit.componentRequired"));
      }
    }
    if (errors.hasErrors() || !componentErrors.isEmpty() || !eformErrors.isEmpty()) {
      return submitPage(citizen, procedureCode, model, componentErrors);
    }
    Dossier dossier;
    try {
      dossier = online.submit(citizen, new DossierRequests.SubmitDossier(procedureCode,
          form.applicant(), FeeFields.declared(procedure, request), receivingAgency(procedure, form),
          form.getCaseCode(), declarationAsFile || read == null ? null : read.data()), files);
    } catch (ComponentRefused e) {
      componentErrors.put(e.component(), refusals.message(e));
      return submitPage(citizen, procedureCode, model, componentErrors);
    } catch (InvalidForm e) {
      // The service's own check of the e-form (the same definition): each message next to its field.
      Map<String, String> byField = new LinkedHashMap<>();
      e.errors().forEach(fe -> byField.putIfAbsent(definition.get().field(fe.field()).isPresent() ? fe.field() : "",
          fe.message()));
      model.addAttribute("eform", eforms.page(definition.get(), read.data(), byField, read.typed()));
      model.addAttribute("eformError", byField.get(""));
      model.addAttribute("eformInvalid", true);
      return submitPage(citizen, procedureCode, model, componentErrors);
    } catch (ApiException e) {
      if (refusals.isAbout(e, FeeFields.FIELD)) {
        model.addAttribute("feeError", refusals.message(e));
      } else {
        // A paper declaration's scan instead of the e-form: its data selects no case, the applicant chooses it.
        model.addAttribute("showCases", declarationAsFile && refusals.isAbout(e, "caseCode"));
        refusals.reject(e, errors);
      }
      return submitPage(citizen, procedureCode, model, componentErrors);
    }
    if (draftId != null) {
      // The draft became a dossier: it is no longer kept (one already gone, e.g. expired, is no matter).
      try {
        drafts.delete(citizen, draftId);
      } catch (ApiException gone) {
        // nothing to delete
      }
    }
    redirect.addFlashAttribute("notice", "web.citizen.submitted");
    return "redirect:/citizen/dossiers/" + dossier.getCode();
  }

  /** The agency the applicant chose; none chosen, the one their contact address names (if exactly one). */
  private String receivingAgency(Procedure procedure, SubmitForm form) {
    return form.getAgencyCode() != null ? form.getAgencyCode()
        : catalog.offeringAgencyOf(procedure, form.getAddress()).orElse(null);
  }

  private static MultipartFile file(HttpServletRequest request, String name) {
    return request instanceof MultipartHttpServletRequest multipart ? multipart.getFile(name) : null;
  }

  private Procedure onlineProcedure(String procedureCode) {
    Procedure procedure = catalog.procedure(procedureCode)
        .orElseThrow(() -> ApiException.notFound("UNKNOWN_PROCEDURE", procedureCode));
    if (!procedure.onlineLevel().offeredOnline()) {
      throw ApiException.badRequest("PROCEDURE_NOT_ONLINE", procedureCode);
    }
    return procedure;
  }

  private String submitPage(MotcuaUser citizen, String procedureCode, Model model,
      Map<String, String> componentErrors) {
    Procedure procedure = onlineProcedure(procedureCode);
    model.addAttribute("p", catalogPages.card(procedure));
    // Where to submit: the agency chosen, or else the one the contact address names, selected in the list.
    SubmitForm form = (SubmitForm) model.getAttribute("form");
    model.addAttribute("proposedAgency", form == null || form.getAgencyCode() != null ? null
        : catalog.offeringAgencyOf(procedure, form.getAddress()).orElse(null));
    String caseCode = form == null ? null : form.getCaseCode();
    model.addAttribute("cases", pages.caseChoices(procedure));
    Optional<FormDefinition> definition = eforms.definition(procedure, null);
    String declaration = definition.map(FormDefinition::component).orElse(null);
    // The declaration's own upload stays, optional: a scan of a signed paper declaration instead of the e-form.
    model.addAttribute("components", pages.components(procedure, caseCode).stream()
        .map(c -> c.code().equals(declaration) ? new DossierPages.ComponentChoice(c.code(), c.name(), false) : c)
        .toList());
    model.addAttribute("declarationCode", declaration);
    model.addAttribute("declarationName", procedure.cases().stream().flatMap(c -> c.components().stream())
        .filter(c -> c.code().equals(declaration)).map(Procedure.Component::name).findFirst().orElse(null));
    if (definition.isPresent() && !model.containsAttribute("eform")) {
      model.addAttribute("eform", eforms.page(definition.get(), null, Map.of()));
    }
    Map<String, List<ReuseChoice>> reusable = new LinkedHashMap<>();
    if (citizen.idNumber() != null) {
      for (Procedure.Component c : pages.formComponents(procedure, caseCode)) {
        reusable.put(c.code(), warehouse.reusable(citizen.idNumber(), c.code()).stream()
            .map(i -> new ReuseChoice(i.getId(), i.getName(), i.getFilename(), i.getIssuedOn(),
                i.getSourceDossierCode()))
            .toList());
      }
    }
    model.addAttribute("reusable", reusable);
    model.addAttribute("componentErrors", componentErrors);
    if (!model.containsAttribute("fee")) {
      model.addAttribute("fee", FeeFields.of(procedure, null));
    }
    return "citizen/submit";
  }

  @GetMapping("/dossiers")
  String myDossiers(@AuthenticationPrincipal MotcuaUser citizen, @RequestParam(defaultValue = "0") int page,
      Model model) {
    Page<Dossier> found = dossiers.list(citizen, page, PAGE_SIZE);
    model.addAttribute("drafts", drafts.mine(citizen).stream().map(d -> new DraftRow(d.id(), d.procedureCode(),
        catalog.procedure(d.procedureCode()).map(Procedure::name).orElse(d.procedureCode()), d.updatedAt(),
        d.expiresAt())).toList());
    model.addAttribute("draftDays", drafts.expireDays());
    model.addAttribute("dossiers", found.getContent().stream().map(pages::row).toList());
    model.addAttribute("page", found.getNumber());
    model.addAttribute("pages", found.getTotalPages());
    return "citizen/dossiers";
  }

  @GetMapping("/dossiers/{code}")
  String dossier(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code, Model model) {
    Dossier dossier = dossiers.read(citizen, code);
    model.addAttribute("d", pages.page(dossier, dossiers.openSteps(code)));
    var files = pages.documents(documents.list(citizen, code), dossier);
    model.addAttribute("documents", files);
    model.addAttribute("charges", pages.charges(payments.charges(citizen, code)));
    model.addAttribute("components", pages.components(dossier));
    model.addAttribute("messages", sentMessages.of(citizen, code));
    // The declaration filled in as an e-form, read-only, with its PDF.
    eforms.definitions().byKey(dossier.getFormKey() == null ? "" : dossier.getFormKey()).ifPresent(definition -> {
      model.addAttribute("eformTitle", definition.title());
      model.addAttribute("eformData", eforms.shown(definition, dossier.getForm()));
      model.addAttribute("declarationPdf", files.stream().filter(f -> "FORM".equals(f.source())).findFirst()
          .orElse(null));
    });
    return "citizen/dossier";
  }

  /** After a refused form the page has the form's address; a reload or language switch lands on the dossier. */
  @GetMapping({"/dossiers/{code}/supplement", "/dossiers/{code}/documents", "/dossiers/{code}/rating",
      "/dossiers/{code}/pay"})
  String backToDossier(@PathVariable String code) {
    return "redirect:/citizen/dossiers/" + code;
  }

  /** Adds a component file while the dossier waits for reception or for a supplement. */
  @PostMapping("/dossiers/{code}/documents")
  String upload(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      @RequestParam(required = false) String component, @RequestParam(required = false) MultipartFile file,
      Model model, RedirectAttributes redirect) {
    return uploads.upload(citizen, code, component, file, model, redirect, "/citizen/dossiers/" + code,
        () -> dossier(citizen, code, model));
  }

  /** Nộp bổ sung: the applicant says what they supplied, with the missing file; the dossier goes back. */
  @PostMapping("/dossiers/{code}/supplement")
  String supplement(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      @RequestParam(required = false) String note, @RequestParam(required = false) String component,
      @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
    if (note == null || note.isBlank() || note.length() > 2000) {
      model.addAttribute("supplementError", note == null || note.isBlank()
          ? "web.validation.required" : "web.validation.tooLong");
      model.addAttribute("note", note);
      return dossier(citizen, code, model);
    }
    boolean hasFile = file != null && !file.isEmpty();
    if (hasFile && (component == null || component.isBlank())) {
      model.addAttribute("supplementFileError", messages.message("web.upload.chooseComponent"));
      model.addAttribute("note", note);
      return dossier(citizen, code, model);
    }
    try {
      supplement.provide(citizen, code, note.trim(), hasFile ? Attachment.upload(component, file) : null);
    } catch (ComponentRefused e) {
      model.addAttribute("supplementFileError", refusals.message(e));
      model.addAttribute("note", note);
      return dossier(citizen, code, model);
    }
    redirect.addFlashAttribute("notice", "web.citizen.supplemented");
    return "redirect:/citizen/dossiers/" + code;
  }

  /** Thanh toán trực tuyến: to the gateway's payment page; the gateway's notification settles the fee. */
  @PostMapping("/dossiers/{code}/pay")
  String pay(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code, HttpServletRequest request) {
    return "redirect:" + payments.payOnline(citizen, code, request.getRemoteAddr());
  }

  /** Đánh giá mức độ hài lòng, once the result is returned. */
  @PostMapping("/dossiers/{code}/rating")
  String rate(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      @RequestParam(required = false) Integer rating, @RequestParam(required = false) String comment, Model model,
      RedirectAttributes redirect) {
    String error = rating == null || rating < 1 || rating > 5 ? "web.rating.choose"
        : comment != null && comment.length() > 1000 ? "web.validation.tooLong" : null;
    if (error != null) {
      model.addAttribute(rating == null || rating < 1 || rating > 5 ? "ratingError" : "commentError",
          messages.message(error));
      model.addAttribute("comment", comment);
      return dossier(citizen, code, model);
    }
    this.rating.rate(citizen, code, rating, comment);
    redirect.addFlashAttribute("notice", "web.rating.done");
    return "redirect:/citizen/dossiers/" + code;
  }
}
