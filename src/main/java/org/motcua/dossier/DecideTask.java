package org.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract.Decisions;
import org.motcua.process.ProcessContract.Tasks;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.process.TaskAlreadyHandledException;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Xử lý một bước: an officer decides a step of their inbox with one of the decisions the model offers there —
 * receive or ask for a supplement, appraise, approve or refuse, apologize with a new appointment, return the result
 * (at the counter or by post), confirm or refuse a withdrawal. The decision goes on the dossier's history and slip.
 */
@Service
public class DecideTask implements UseCase {

  /**
   * Decisions that must say why (the note becomes the written guide, the refusal or the apology's reason) or what
   * (a consulted agency's opinion, the findings of a field verification).
   */
  private static final Set<String> DECISIONS_NEEDING_NOTE = Set.of(Decisions.SUPPLEMENT, Decisions.REFUSE,
      Decisions.REWORK, Decisions.APOLOGIZE, Decisions.ANSWER, Decisions.VERIFIED);

  private static final Set<Refusal> REFUSALS = Set.of(TaskRefusal.TASK_NOT_FOUND, TaskRefusal.TASK_NOT_YOURS,
      TaskRefusal.TASK_CLAIMED_BY_OTHER, TaskRefusal.TASK_ALREADY_DONE, TaskRefusal.DECISION_NOT_OFFERED,
      TaskRefusal.NOTE_REQUIRED, TaskRefusal.COMPONENTS_MISSING, TaskRefusal.COMPONENTS_NOT_DIGITIZED,
      DossierRefusal.Reason.WITHDRAWAL_PENDING, DossierRefusal.Reason.RESULT_NOT_DIGITIZED,
      DossierRefusal.Reason.TRACKING_NUMBER_REQUIRED, DossierRefusal.Reason.APOLOGY_TOO_LATE,
      DossierRefusal.Reason.NEW_APPOINTMENT_REQUIRED, DossierRefusal.Reason.STAGE_RESULT_MISSING);

  private final OfficerInbox inbox;
  private final DossierLookup lookup;
  private final DossierDocuments documents;
  private final DossierProcess process;
  private final DossierMetrics metrics;
  private final Clock clock;

  DecideTask(OfficerInbox inbox, DossierLookup lookup, DossierDocuments documents, DossierProcess process,
      DossierMetrics metrics, Clock clock) {
    this.inbox = inbox;
    this.lookup = lookup;
    this.documents = documents;
    this.process = process;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return REFUSALS;
  }

  @Transactional
  public Dossier decide(MotcuaUser officer, String taskId, DossierRequests.CompleteTask request) {
    long started = System.nanoTime();
    WorkItem task = inbox.offeredTo(officer, taskId);
    String decision = request.decision().trim();
    if (!task.decisions().contains(decision)) {
      throw TaskRefusal.DECISION_NOT_OFFERED.exception(decision, task.name(), String.join(", ", task.decisions()));
    }
    String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
    if (note == null && DECISIONS_NEEDING_NOTE.contains(decision)) {
      throw TaskRefusal.NOTE_REQUIRED.exception(decision);
    }
    // Locked: a second completion of the same task waits here, then finds the task gone (409), never half-applied.
    Dossier dossier = lookup.locked(task.dossierCode());
    LocalDateTime now = LocalDateTime.now(clock);
    checkPreconditions(dossier, task, decision, request, now);
    dossier.record(DossierAction.TASK_COMPLETED, now, Actor.of(officer))
        .step(task.taskKey(), task.name(), task.dueAt())
        .decision(decision, note);
    if (Decisions.APOLOGIZE.equals(decision)) {
      dossier.apologize(now, Actor.of(officer), request.newAppointment(), note);
    }
    if (Decisions.RETURN.equals(decision) && dossier.getResultDelivery() == Channel.POSTAL) {
      dossier.sentByPost(request.trackingNumber().trim());
    }
    if (Decisions.DIGITIZED.equals(decision) || Decisions.ACCEPT.equals(decision)) {
      documents.depositComponents(dossier);
    }
    lookup.save(dossier);
    try {
      // The note is on the dossier's history line; the model's gateways read only the decision.
      process.complete(taskId, task.assignee() == null ? officer.username() : null,
          Map.of(Variables.DECISION, decision));
    } catch (TaskAlreadyHandledException concurrent) {
      throw TaskRefusal.TASK_ALREADY_DONE.exception(taskId);
    }
    metrics.taskCompleted(task.taskKey(), Duration.ofNanos(System.nanoTime() - started));
    return lookup.shown(dossier);
  }

  /** What must be true before a decision is taken: the rules a clerk would check by hand. */
  private void checkPreconditions(Dossier dossier, WorkItem task, String decision,
      DossierRequests.CompleteTask request, LocalDateTime now) {
    // While a withdrawal waits for confirmation, only its own task may be completed.
    if (!Tasks.WITHDRAWAL_REVIEW.equals(task.taskKey())) {
      dossier.otherWorkRefusal().ifPresent(DossierRefusal::raise);
    }
    switch (decision) {
      case Decisions.ACCEPT -> {
        if (!dossier.isComponentsDigitized()) {
          throw TaskRefusal.COMPONENTS_MISSING.exception(String.join(", ", documents.missing(dossier)));
        }
      }
      case Decisions.DIGITIZED -> {
        if (!dossier.isComponentsDigitized()) {
          throw TaskRefusal.COMPONENTS_NOT_DIGITIZED.exception(String.join(", ", documents.missing(dossier)));
        }
      }
      case Decisions.RETURN -> dossier.returnRefusal(request.trackingNumber()).ifPresent(DossierRefusal::raise);
      case Decisions.APPROVE -> {
        if (Tasks.STAGE_APPROVAL.equals(task.taskKey())) {
          dossier.stageApprovalRefusal().ifPresent(DossierRefusal::raise);
        }
      }
      case Decisions.APOLOGIZE -> dossier.apologyRefusal(now, request.newAppointment()).ifPresent(DossierRefusal::raise);
      default -> {
      }
    }
  }
}
