package org.motcua.web.officer;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.motcua.calendar.WorkingCalendar;
import org.motcua.common.ApiException;
import org.motcua.common.Problems;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierRequests;
import org.motcua.dossier.Attachment;
import org.motcua.dossier.ComponentRefused;
import org.motcua.dossier.ChangeCase;
import org.motcua.dossier.DecideTask;
import org.motcua.dossier.FollowDossier;
import org.motcua.dossier.OfficerInbox;
import org.motcua.dossier.ReceiveAtCounter;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;
import org.motcua.web.DossierPages;
import org.motcua.web.EformFields;
import org.motcua.dossier.CorrectDeclaration;
import org.motcua.eform.InvalidForm;
import org.motcua.web.Urgency;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Map;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.dossier.DossierDocuments;
import org.motcua.dossier.DossierPayments;
import org.motcua.payment.Charge;
import org.motcua.security.Role;
import org.motcua.web.FeeFields;
import org.motcua.web.FormRefusals;
import org.motcua.web.UploadHandler;
import org.motcua.dossier.Channel;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officer's workspace: the inbox of their agency and role, and the dossier page with the step's decisions. */
@Controller
@RequestMapping("/officer")
class OfficerPages {

  private static final int INBOX_SIZE = 100;
  /** The fields of the decision form a refusal can be shown next to; any other refusal is said above the form. */
  private static final Set<String> DECISION_FIELDS = Set.of("decision", "note", "newAppointment", "trackingNumber");
  /** The fields of the counter-payment form; any other refusal is said above the form. */
  private static final Set<String> PAYMENT_FIELDS = Set.of("method", "receiptNumber", "exemption");

  private final FollowDossier dossiers;
  private final OfficerInbox tasks;
  private final DecideTask decide;
  private final ReceiveAtCounter counter;
  private final DossierPages pages;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final Problems messages;
  private final DossierDocuments documents;
  private final DossierPayments payments;
  private final Catalog catalog;
  private final FormRefusals refusals;
  private final UploadHandler uploads;
  private final ChangeCase changeCase;
  private final EformFields eforms;
  private final CorrectDeclaration correction;

  OfficerPages(FollowDossier dossiers, OfficerInbox tasks, DecideTask decide, ReceiveAtCounter counter,
      DossierPages pages, WorkingCalendar calendar, Clock clock, Problems messages, DossierDocuments documents,
      DossierPayments payments, Catalog catalog, FormRefusals refusals, UploadHandler uploads, ChangeCase changeCase,
      EformFields eforms, CorrectDeclaration correction) {
    this.changeCase = changeCase;
    this.eforms = eforms;
    this.correction = correction;
    this.tasks = tasks;
    this.decide = decide;
    this.counter = counter;
    this.messages = messages;
    this.documents = documents;
    this.payments = payments;
    this.catalog = catalog;
    this.refusals = refusals;
    this.uploads = uploads;
    this.dossiers = dossiers;
    this.pages = pages;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** A task line of the inbox, coloured by how close its step's deadline is. */
  record InboxLine(String taskId, String taskName, String dossierCode, String procedureName, String applicantName,
      LocalDateTime createdAt, LocalDateTime dueAt, LocalDateTime dossierDueAt, String assignee, Urgency urgency,
      boolean warned, boolean escalated) {
  }

  @GetMapping("/inbox")
  String inbox(@AuthenticationPrincipal MotcuaUser officer, @RequestParam(required = false) String urgency,
      Model model) {
    OfficerInbox.Inbox inbox = tasks.inbox(officer, 0, INBOX_SIZE);
    LocalDateTime now = LocalDateTime.now(clock);
    List<InboxLine> lines = inbox.items().stream().map(item -> line(item, inbox.dossiers().get(item.dossierCode()), now,
        inbox.warned(item)))
        .toList();
    model.addAttribute("counts", java.util.Arrays.stream(Urgency.values())
        .collect(java.util.stream.Collectors.toMap(u -> u.name(),
            u -> lines.stream().filter(l -> l.urgency() == u).count())));
    model.addAttribute("lines", urgency == null || urgency.isBlank() ? lines
        : lines.stream().filter(l -> l.urgency().name().equals(urgency)).toList());
    model.addAttribute("urgency", urgency);
    model.addAttribute("urgencies", Urgency.values());
    model.addAttribute("total", inbox.total());
    model.addAttribute("agencyName", pages.agencyName(officer.agencyCode()));
    return "officer/inbox";
  }

  private InboxLine line(WorkItem item, Dossier dossier, LocalDateTime now, boolean warned) {
    return new InboxLine(item.id(), item.name(), item.dossierCode(),
        dossier == null ? null : dossier.getProcedureName(),
        dossier == null ? null : dossier.getApplicant().getName(),
        item.createdAt(), item.dueAt(), dossier == null ? null : dossier.getDueAt(), item.assignee(),
        Urgency.of(item.dueAt(), now, calendar), warned, item.escalated());
  }

  @GetMapping("/dossiers/{code}")
  String dossier(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code, Model model) {
    Dossier dossier = dossiers.read(officer, code);
    var page = pages.page(dossier, dossiers.openSteps(code));
    model.addAttribute("d", page);
    var files = pages.documents(documents.list(officer, code), dossier);
    model.addAttribute("documents", files);
    model.addAttribute("charges", pages.charges(payments.charges(officer, code)));
    model.addAttribute("components", pages.components(dossier));
    // The declaration PDF rendered from the e-form (source FORM), shown next to its data.
    model.addAttribute("declarationPdf", files.stream().filter(f -> "FORM".equals(f.source())).findFirst()
        .orElse(null));
    boolean ownClerk = officer.is(Role.CLERK) && officer.agencyCode().equals(dossier.getAgencyCode());
    model.addAttribute("mayScan", ownClerk && page.mayScan());
    model.addAttribute("mayUploadResult", officer.agencyCode().equals(dossier.getAgencyCode())
        && page.awaitsResultUpload());
    model.addAttribute("mayRecordPayment", ownClerk && page.awaitsPayment());
    // Waiting for reception, the clerk may move it to another case of its catalogue version (previewCase, changeCase).
    model.addAttribute("caseChoices", ownClerk && page.awaitsReception()
        ? catalog.version(dossier.getProcedureCode(), dossier.getProcedureValidFrom()).map(pages::caseChoices)
            .orElse(List.of())
        : List.of());
    // The exemption grounds of the catalogue version the dossier is bound to.
    model.addAttribute("exemptions", catalog.version(dossier.getProcedureCode(), dossier.getProcedureValidFrom())
        .map(Procedure::exemptions).orElse(List.of()));
    // The step this officer may act on: offered to their role in their agency, and not held by a colleague.
    model.addAttribute("myStep", page.openSteps().stream()
        .filter(s -> officer.role().name().equals(s.role()) && officer.agencyCode().equals(s.agencyCode()))
        .filter(s -> s.assignee() == null || s.assignee().equals(officer.username()))
        .findFirst().orElse(null));
    // The declaration filled in as an e-form: read-only, with its PDF; the receiving clerk may correct a field.
    eforms.definitions().byKey(dossier.getFormKey() == null ? "" : dossier.getFormKey()).ifPresent(definition -> {
      model.addAttribute("eformTitle", definition.title());
      model.addAttribute("eformData", eforms.shown(definition, dossier.getForm()));
      model.addAttribute("mayCorrectForm", ownClerk && page.awaitsReception());
    });
    return "officer/dossier";
  }

  /**
   * Sửa thông tin tờ khai khi tiếp nhận: the receiving clerk corrects one field of the e-form declaration while the
   * dossier awaits reception; the history records it before and after, the PDF is rendered again.
   */
  @PostMapping("/dossiers/{code}/form")
  String correctForm(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @RequestParam(required = false) String field, @RequestParam(required = false) String value,
      @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
    Dossier dossier = dossiers.read(clerk, code);
    var definition = eforms.definitions().byKey(dossier.getFormKey() == null ? "" : dossier.getFormKey());
    String error = null;
    String errorField = "correction-value";
    if (field == null || field.isBlank()) {
      error = messages.message("web.validation.required");
      errorField = "correction-field";
    } else if (reason != null && reason.length() > 1000) {
      error = messages.message("web.validation.tooLong");
      errorField = "correction-reason";
    } else {
      var typed = definition.flatMap(d -> eforms.value(d, field, value));
      if (definition.isPresent() && typed.isEmpty()) {
        error = messages.message("web.eform.notANumber",
            definition.get().field(field).map(f -> f.label()).orElse(field));
      } else {
        try {
          correction.correct(clerk, code, field, typed.orElse(null), reason);
        } catch (InvalidForm e) {
          error = e.errors().stream().map(org.motcua.eform.FieldError::message).findFirst()
              .orElse(refusals.message(e));
        } catch (ApiException e) {
          error = refusals.message(e);
          errorField = refusals.isAbout(e, "field") ? "correction-field" : "correction-value";
        }
      }
    }
    if (error != null) {
      model.addAttribute("correctionError", error);
      model.addAttribute("correctionErrorField", errorField);
      model.addAttribute("correctionField", field);
      model.addAttribute("correctionValue", value);
      model.addAttribute("correctionReason", reason);
      return dossier(clerk, code, model);
    }
    redirect.addFlashAttribute("notice", "web.eform.corrected");
    return "redirect:/officer/dossiers/" + code;
  }

  /**
   * Đổi trường hợp, step one: the dossier page with the preview of the case chosen (fee, time limit, appointment if
   * received now, components) and its confirm button, or the refusal next to the case select. Nothing changes.
   */
  @GetMapping("/dossiers/{code}/case")
  String previewCase(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @RequestParam(required = false) String caseCode, Model model) {
    try {
      model.addAttribute("casePreview", changeCase.preview(clerk, code, caseCode));
    } catch (ApiException e) {
      model.addAttribute("caseError", refusals.message(e));
    }
    return dossier(clerk, code, model);
  }

  /** Đổi trường hợp, step two: the clerk confirms the case previewed. */
  @PostMapping("/dossiers/{code}/case")
  String changeCase(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @RequestParam(required = false) String caseCode, Model model, RedirectAttributes redirect) {
    try {
      changeCase.confirm(clerk, code, caseCode);
    } catch (ApiException e) {
      model.addAttribute("caseError", refusals.message(e));
      return dossier(clerk, code, model);
    }
    redirect.addFlashAttribute("notice", "web.case.changed");
    return "redirect:/officer/dossiers/" + code;
  }

  /**
   * A page re-shown after a refused decision has the form's address; switching language or reloading there asks for
   * it with GET, which goes back to the dossier.
   */
  @GetMapping("/dossiers/{code}/tasks/{taskId}")
  String backToDossier(@PathVariable String code) {
    return "redirect:/officer/dossiers/" + code;
  }

  @PostMapping("/dossiers/{code}/tasks/{taskId}")
  String decide(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code, @PathVariable String taskId,
      @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
      @RequestParam(required = false) String newAppointment, @RequestParam(required = false) String trackingNumber,
      Model model, RedirectAttributes redirect) {
    String error;
    String errorField;
    if (decision == null || decision.isBlank()) {
      error = messages.message("web.officer.chooseDecision");
      errorField = "decision";
    } else if (note != null && note.length() > 2000) {
      error = messages.message("web.validation.tooLong");
      errorField = "note";
    } else if (newAppointment != null && !newAppointment.isBlank() && parse(newAppointment) == null) {
      error = messages.message("web.officer.badAppointment");
      errorField = "newAppointment";
    } else {
      try {
        decide.decide(officer, taskId, new DossierRequests.CompleteTask(decision, note,
            newAppointment == null || newAppointment.isBlank() ? null : parse(newAppointment), trackingNumber));
        redirect.addFlashAttribute("notice", "web.officer.done." + decision);
        redirect.addFlashAttribute("noticeCode", code);
        return "redirect:/officer/inbox";
      } catch (ApiException e) {
        // Next to its field, or above the form (components missing, result not digitized, apology too late…).
        FormRefusals.OnForm refused = refusals.place(e, "form", DECISION_FIELDS);
        errorField = refused.field();
        // The decision and its note are said as the officer saw them: with the decision's label, not its API code.
        error = refused.isOn("note")
            ? messages.message("web.officer.noteRequired", messages.message("web.decision." + decision))
            : refused.isOn("decision") ? messages.message("web.officer.chooseDecision") : refused.message();
      }
    }
    model.addAttribute("error", error);
    model.addAttribute("errorField", errorField);
    model.addAttribute("decision", decision);
    model.addAttribute("note", note);
    model.addAttribute("newAppointment", newAppointment);
    model.addAttribute("trackingNumber", trackingNumber);
    return dossier(officer, code, model);
  }

  @GetMapping({"/dossiers/{code}/documents", "/dossiers/{code}/result", "/dossiers/{code}/payment",
      "/dossiers/{code}/form"})
  String backAfterForm(@PathVariable String code) {
    return "redirect:/officer/dossiers/" + code;
  }

  /** Số hóa: the clerk scans (attaches) a component of the dossier. */
  @PostMapping("/dossiers/{code}/documents")
  String scan(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code,
      @RequestParam(required = false) String component, @RequestParam(required = false) MultipartFile file,
      Model model, RedirectAttributes redirect) {
    return uploads.upload(officer, code, component, file, model, redirect, "/officer/dossiers/" + code,
        () -> dossier(officer, code, model));
  }

  /** Số hóa kết quả: the signed result, which the applicant downloads and which goes into their warehouse. */
  @PostMapping("/dossiers/{code}/result")
  String result(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code,
      @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
    String error = null;
    if (file == null || file.isEmpty()) {
      error = messages.message("web.upload.chooseFile");
    } else {
      try {
        documents.uploadResult(officer, code, file);
      } catch (ApiException e) {
        error = refusals.message(e);
      }
    }
    if (error != null) {
      model.addAttribute("resultError", error);
      return dossier(officer, code, model);
    }
    redirect.addFlashAttribute("notice", "web.result.done");
    return "redirect:/officer/dossiers/" + code;
  }

  /** Thu phí tại quầy, with the receipt number the clerk issued; or an exemption with its ground. */
  @PostMapping("/dossiers/{code}/payment")
  String payment(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code,
      @RequestParam(required = false) String method, @RequestParam(required = false) String receiptNumber,
      @RequestParam(required = false) String exemption, Model model, RedirectAttributes redirect) {
    String field = null;
    String error = null;
    if (method == null || method.isBlank()) {
      field = "method";
      error = messages.message("web.officer.chooseMethod");
    } else if ("EXEMPTION".equals(method) && (exemption == null || exemption.isBlank())) {
      field = "exemption";
      error = messages.message("web.validation.required");
    } else if (!"EXEMPTION".equals(method) && (receiptNumber == null || receiptNumber.isBlank())) {
      field = "receiptNumber";
      error = messages.message("web.validation.required");
    } else if (receiptNumber != null && receiptNumber.length() > 60) {
      field = "receiptNumber";
      error = messages.message("web.validation.tooLong");
    } else {
      try {
        if ("EXEMPTION".equals(method)) {
          payments.exempt(officer, code, exemption.trim(), null);
        } else {
          payments.payAtCounter(officer, code, Charge.Method.valueOf(method), receiptNumber.trim());
        }
        redirect.addFlashAttribute("notice", "web.officer.paid");
        return "redirect:/officer/dossiers/" + code;
      } catch (IllegalArgumentException unknownMethod) {
        field = "method";
        error = messages.message("web.officer.chooseMethod");
      } catch (ApiException e) {
        FormRefusals.OnForm refused = refusals.place(e, "paymentForm", PAYMENT_FIELDS);
        field = refused.field();
        error = refused.message();
      }
    }
    model.addAttribute("paymentField", field);
    model.addAttribute("paymentError", error);
    model.addAttribute("method", method);
    model.addAttribute("receiptNumber", receiptNumber);
    return dossier(officer, code, model);
  }

  /**
   * Tiếp nhận trực tiếp: the procedures the clerk's agency receives (one of their offerings), to choose the one the
   * applicant comes for.
   */
  @GetMapping("/intake")
  String intakeChoice(@AuthenticationPrincipal MotcuaUser clerk, Model model) {
    checkClerk(clerk);
    model.addAttribute("procedures", catalog.offeredBy(clerk.agencyCode()));
    model.addAttribute("agencyName", pages.agencyName(clerk.agencyCode()));
    return "officer/intake-choice";
  }

  @GetMapping("/intake/{procedureCode}")
  String intakeForm(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String procedureCode, Model model) {
    model.addAttribute("form", new CounterForm());
    return intakePage(clerk, procedureCode, model, Map.of());
  }

  @PostMapping("/intake/{procedureCode}")
  String intake(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String procedureCode,
      @Valid @ModelAttribute("form") CounterForm form, BindingResult errors, HttpServletRequest request,
      Model model, RedirectAttributes redirect) {
    Procedure procedure = counterProcedure(clerk, procedureCode);
    if (form.came(Channel.POSTAL) && form.getPostalTrackingNumber() == null) {
      errors.rejectValue("postalTrackingNumber", "web.validation.required");
    }
    if (form.came(Channel.ONLINE)) {
      errors.rejectValue("channel", "web.validation.required");
    }
    List<Attachment> files = new ArrayList<>();
    for (Procedure.Component c : pages.formComponents(procedure, form.getCaseCode())) {
      MultipartFile file = request instanceof MultipartHttpServletRequest multipart
          ? multipart.getFile("file_" + c.code()) : null;
      Attachment a = Attachment.of(c.code(), file, null);
      if (a != null) {
        files.add(a);
      }
    }
    model.addAttribute("fee", FeeFields.of(procedure, request));
    if (errors.hasErrors()) {
      return intakePage(clerk, procedureCode, model, Map.of());
    }
    Dossier dossier;
    try {
      dossier = counter.receive(clerk, new DossierRequests.EnterDossier(procedureCode, form.getChannel(),
          form.applicant(), form.getPostalTrackingNumber(), form.getResultDelivery(),
          FeeFields.declared(procedure, request), feeTakenAtIntake(request), null, form.getCaseCode()), files);
    } catch (ComponentRefused e) {
      return intakePage(clerk, procedureCode, model, Map.of(e.component(), refusals.message(e)));
    } catch (ApiException e) {
      if (refusals.isAbout(e, FeeFields.FIELD)) {
        model.addAttribute("feeError", refusals.message(e));
      } else {
        refusals.reject(e, errors);
      }
      return intakePage(clerk, procedureCode, model, Map.of());
    }
    redirect.addFlashAttribute("notice", "web.intake.done");
    redirect.addFlashAttribute("noticeCode", dossier.getCode());
    return "redirect:/officer/dossiers/" + dossier.getCode();
  }

  /** A fee due at submission taken with the intake: paid with a receipt number, or waived; null if neither. */
  private static DossierRequests.FeeAtCounter feeTakenAtIntake(HttpServletRequest request) {
    String method = request.getParameter("feeMethod");
    String receipt = request.getParameter("feeReceipt");
    String exemption = request.getParameter("feeExemption");
    boolean paid = method != null && !method.isBlank();
    boolean waived = exemption != null && !exemption.isBlank();
    if (!paid && !waived) {
      return null;
    }
    Charge.Method how = null;
    if (paid) {
      how = "POS".equals(method) ? Charge.Method.POS : Charge.Method.CASH;
    }
    return new DossierRequests.FeeAtCounter(waived ? null : how, receipt == null || receipt.isBlank() ? null
        : receipt.trim(), waived ? exemption.trim() : null, null);
  }

  private String intakePage(MotcuaUser clerk, String procedureCode, Model model, Map<String, String> componentErrors) {
    Procedure procedure = counterProcedure(clerk, procedureCode);
    model.addAttribute("procedure", procedure);
    if (!model.containsAttribute("fee")) {
      model.addAttribute("fee", FeeFields.of(procedure, null));
    }
    CounterForm form = (CounterForm) model.getAttribute("form");
    model.addAttribute("cases", pages.caseChoices(procedure));
    model.addAttribute("components", pages.components(procedure, form == null ? null : form.getCaseCode()));
    model.addAttribute("componentErrors", componentErrors);
    return "officer/intake";
  }

  private Procedure counterProcedure(MotcuaUser clerk, String procedureCode) {
    checkClerk(clerk);
    Procedure procedure = catalog.procedure(procedureCode)
        .orElseThrow(() -> ApiException.notFound("UNKNOWN_PROCEDURE", procedureCode));
    if (!procedure.isOfferedBy(clerk.agencyCode())) {
      throw ApiException.forbidden("PROCEDURE_NOT_OF_YOUR_AGENCY", procedureCode);
    }
    return procedure;
  }

  private static void checkClerk(MotcuaUser user) {
    if (!user.is(Role.CLERK)) {
      throw ApiException.forbidden("ACCESS_DENIED");
    }
  }

  /** The browser's datetime-local value, e.g. {@code 2026-12-01T09:00}; null when unreadable. */
  private static java.time.LocalDateTime parse(String value) {
    try {
      return java.time.LocalDateTime.parse(value.trim());
    } catch (java.time.format.DateTimeParseException unreadable) {
      return null;
    }
  }
}
