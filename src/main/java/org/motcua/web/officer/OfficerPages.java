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
import org.motcua.dossier.DossierService;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;
import org.motcua.web.DossierPages;
import org.motcua.web.Urgency;
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
  /** Errors the officer can fix on the same page; they are shown next to the decision or the note. */
  private static final Set<String> NOTE_ERRORS = Set.of("NOTE_REQUIRED");
  private static final Set<String> DECISION_ERRORS = Set.of("DECISION_NOT_OFFERED");

  private final DossierService dossiers;
  private final DossierPages pages;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final Problems messages;

  OfficerPages(DossierService dossiers, DossierPages pages, WorkingCalendar calendar, Clock clock,
      Problems messages) {
    this.messages = messages;
    this.dossiers = dossiers;
    this.pages = pages;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** A task line of the inbox, coloured by how close its step's deadline is. */
  record InboxLine(String taskId, String taskName, String dossierCode, String procedureName, String applicantName,
      LocalDateTime createdAt, LocalDateTime dueAt, LocalDateTime dossierDueAt, String assignee, Urgency urgency) {
  }

  @GetMapping("/inbox")
  String inbox(@AuthenticationPrincipal MotcuaUser officer, @RequestParam(required = false) String urgency,
      Model model) {
    DossierService.Inbox inbox = dossiers.inbox(officer, 0, INBOX_SIZE);
    LocalDateTime now = LocalDateTime.now(clock);
    List<InboxLine> lines = inbox.items().stream().map(item -> line(item, inbox.dossiers().get(item.dossierCode()), now))
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

  private InboxLine line(WorkItem item, Dossier dossier, LocalDateTime now) {
    return new InboxLine(item.id(), item.name(), item.dossierCode(),
        dossier == null ? null : dossier.getProcedureName(),
        dossier == null ? null : dossier.getApplicant().getName(),
        item.createdAt(), item.dueAt(), dossier == null ? null : dossier.getDueAt(), item.assignee(),
        Urgency.of(item.dueAt(), now, calendar));
  }

  @GetMapping("/dossiers/{code}")
  String dossier(@AuthenticationPrincipal MotcuaUser officer, @PathVariable String code, Model model) {
    var page = pages.page(dossiers.read(officer, code), dossiers.openSteps(code));
    model.addAttribute("d", page);
    // The step this officer may act on: offered to their role in their agency, and not held by a colleague.
    model.addAttribute("myStep", page.openSteps().stream()
        .filter(s -> officer.role().name().equals(s.role()) && officer.agencyCode().equals(s.agencyCode()))
        .filter(s -> s.assignee() == null || s.assignee().equals(officer.username()))
        .findFirst().orElse(null));
    return "officer/dossier";
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
    Object[] errorArgs = {};
    String errorField;
    if (decision == null || decision.isBlank()) {
      error = "web.officer.chooseDecision";
      errorField = "decision";
    } else if (note != null && note.length() > 2000) {
      error = "web.validation.tooLong";
      errorField = "note";
    } else if (newAppointment != null && !newAppointment.isBlank() && parse(newAppointment) == null) {
      error = "web.officer.badAppointment";
      errorField = "newAppointment";
    } else {
      try {
        dossiers.complete(officer, taskId, new DossierRequests.CompleteTask(decision, note,
            newAppointment == null || newAppointment.isBlank() ? null : parse(newAppointment), trackingNumber));
        redirect.addFlashAttribute("notice", "web.officer.done." + decision);
        redirect.addFlashAttribute("noticeCode", code);
        return "redirect:/officer/inbox";
      } catch (ApiException e) {
        if (NOTE_ERRORS.contains(e.code())) {
          // Say it with the decision's label as the officer saw it, not the API's decision code.
          errorField = "note";
          error = "web.officer.noteRequired";
          errorArgs = new Object[] {messages.message("web.decision." + decision)};
        } else if (DECISION_ERRORS.contains(e.code())) {
          errorField = "decision";
          error = "web.officer.chooseDecision";
        } else {
          // Any other refusal (components missing, result not digitized, apology too late…) is said above the form.
          errorField = e.code().equals("NEW_APPOINTMENT_REQUIRED") ? "newAppointment"
              : e.code().equals("TRACKING_NUMBER_REQUIRED") ? "trackingNumber" : "form";
          error = "error." + e.code();
          errorArgs = e.args();
        }
      }
    }
    model.addAttribute("error", messages.message(error, errorArgs));
    model.addAttribute("errorField", errorField);
    model.addAttribute("decision", decision);
    model.addAttribute("note", note);
    model.addAttribute("newAppointment", newAppointment);
    model.addAttribute("trackingNumber", trackingNumber);
    return dossier(officer, code, model);
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
