package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.motcua.calendar.TimeLimit;
import org.motcua.calendar.WorkingCalendar;
import org.motcua.process.Milestone;
import org.motcua.process.ProcessMilestones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What each milestone of the process means for the dossier; runs inside the engine's transaction. */
@Component
class MilestoneHandler implements ProcessMilestones {

  private final DossierRepository dossiers;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final long warnBeforeMinutes;

  MilestoneHandler(DossierRepository dossiers, WorkingCalendar calendar, Clock clock, ApplicationEventPublisher events,
      @Value("${motcua.deadline.warn-before-working-hours:8}") int warnBeforeWorkingHours) {
    this.dossiers = dossiers;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.warnBeforeMinutes = warnBeforeWorkingHours * 60L;
  }

  @Override
  public Map<String, Object> reached(String dossierCode, Milestone milestone) {
    Dossier dossier = dossiers.findByCode(dossierCode)
        .orElseThrow(() -> new IllegalStateException("No dossier " + dossierCode + " for its process"));
    DossierFacts before = DossierFacts.of(dossier);
    Map<String, Object> variables = apply(dossier, milestone);
    events.publishEvent(new DossierChanged(before, DossierFacts.of(dossier)));
    return variables;
  }

  private Map<String, Object> apply(Dossier dossier, Milestone milestone) {
    LocalDateTime now = LocalDateTime.now(clock);
    Actor actor = Actor.current();
    switch (milestone) {
      case RECEIVED -> {
        LocalDateTime due = calendar.due(now, new TimeLimit(dossier.getDurationValue(), dossier.getDurationUnit()));
        dossier.receive(now, due, actor);
        return Map.of("dueAt", due, "warnAt", warnAt(now, due));
      }
      case SUPPLEMENT_REQUESTED -> dossier.requestSupplement(now, actor);
      case NOT_RECEIVED -> dossier.notReceived(now, actor);
      case PROCESSING -> dossier.startProcessing(now, actor);
      case DUE_SOON -> dossier.markDueSoon(now);
      case OVERDUE -> dossier.markOverdue(now);
      case REFUSED -> dossier.refuse(now, actor);
      case FINISHED -> dossier.finish(now, actor);
      case RETURNED -> dossier.returnResult(now, actor);
    }
    return Map.of();
  }

  /** The "due soon" warning: a working day before the due date, or halfway for dossiers shorter than two days. */
  private LocalDateTime warnAt(LocalDateTime receivedAt, LocalDateTime due) {
    long total = calendar.workingMinutesBetween(receivedAt, due);
    return calendar.minusWorkingMinutes(due, Math.min(warnBeforeMinutes, total / 2));
  }
}
