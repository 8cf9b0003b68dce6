package org.motcua.dossier;

import java.time.LocalDateTime;
import org.motcua.calendar.WorkingCalendar;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.process.ProcessSteps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps a dossier's step records (see {@link DossierStep}) as its process opens and ends user tasks; runs inside the
 * engine's transaction. The budget and the working time taken are counted on the office calendar; the warning instant
 * is the step's share of its budget ({@code warnShare} of the step in {@code procedures.yml}, else
 * {@code motcua.steps.warn-share}). A task of a process that is no dossier's (a bare engine test) is not recorded.
 */
@Component
class StepRecorder implements ProcessSteps {

  private final DossierRepository dossiers;
  private final DossierStepRepository steps;
  private final WorkingCalendar calendar;
  private final Catalog catalog;
  private final double defaultWarnShare;

  StepRecorder(DossierRepository dossiers, DossierStepRepository steps, WorkingCalendar calendar, Catalog catalog,
      @Value("${motcua.steps.warn-share:0.75}") double defaultWarnShare) {
    if (!(defaultWarnShare > 0 && defaultWarnShare < 1)) {
      throw new IllegalStateException("motcua.steps.warn-share must be between 0 and 1 (both excluded), found "
          + defaultWarnShare);
    }
    this.dossiers = dossiers;
    this.steps = steps;
    this.calendar = calendar;
    this.catalog = catalog;
    this.defaultWarnShare = defaultWarnShare;
  }

  @Override
  public void started(Started s) {
    Dossier dossier = dossiers.findByCode(s.dossierCode()).orElse(null);
    if (dossier == null || steps.findByTaskId(s.taskId()).isPresent()) {
      return;
    }
    Long budget = s.dueAt() == null ? null : calendar.workingMinutesBetween(s.startedAt(), s.dueAt());
    LocalDateTime warnAt = budget == null || budget == 0 ? null
        : calendar.plusWorkingMinutes(calendar.normalize(s.startedAt()),
            Math.round(budget * warnShare(dossier, s.taskKey())));
    String path = s.agencyCode() == null || catalog.agency(s.agencyCode()).isEmpty() ? null
        : catalog.path(s.agencyCode());
    dossier.recordStep(new DossierStep(dossier, s.taskId(), s.taskKey(), s.name(), s.role(), s.agencyCode(), path,
        s.startedAt(), s.dueAt(), budget, warnAt));
  }

  @Override
  public void ended(String taskId, LocalDateTime endedAt, Outcome outcome, String decision, String reason) {
    steps.findByTaskId(taskId).filter(step -> step.getEndedAt() == null).ifPresent(step -> step.end(endedAt,
        outcome == Outcome.COMPLETED ? DossierStep.Outcome.COMPLETED : DossierStep.Outcome.CANCELLED,
        outcome == Outcome.COMPLETED ? decision : null, reason,
        calendar.workingMinutesBetween(step.getStartedAt(), endedAt)));
  }

  /** The step's own share from the dossier's case in the catalogue, or the province's default. */
  private double warnShare(Dossier dossier, String taskKey) {
    return catalog.caseOf(dossier.getProcedureCode(), dossier.getProcedureValidFrom(), dossier.getCaseCode())
        .flatMap(c -> step(c, dossier, taskKey))
        .map(Procedure.Step::warnShare)
        .orElse(defaultWarnShare);
  }

  /** The case's step, or, in an inter-agency dossier, the step of the stage it is in (entered before its tasks). */
  private static java.util.Optional<Procedure.Step> step(Procedure.Case kase, Dossier dossier, String taskKey) {
    Integer stage = dossier.getStageNumber();
    if (kase.step(taskKey).isPresent() || stage == null || stage > kase.stages().size()) {
      return kase.step(taskKey);
    }
    return kase.stages().get(stage - 1).steps().stream().filter(s -> s.task().equals(taskKey)).findFirst();
  }
}
