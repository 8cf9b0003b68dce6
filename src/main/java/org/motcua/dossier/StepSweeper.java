package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before a step runs out (trước khi bước hết hạn): each sweep warns the open steps whose warning share of their budget
 * has passed, and escalates those past their due instant to their agency leader's inbox ({@code LEADER@agency} added
 * to the task's candidate groups), writing both to the dossier's history. Each step is taken by a conditional update
 * ({@code … where warned_at is null}, {@code … where escalated_at is null}) in its own transaction, so a sweep that
 * runs twice, or on two nodes at once, warns and escalates each step exactly once. Scheduled by {@link StepsConfig};
 * tests call {@link #sweep(LocalDateTime)}.
 */
@Service
public class StepSweeper {

  private static final Logger log = LoggerFactory.getLogger(StepSweeper.class);

  /** What one sweep did. */
  public record Sweep(int warned, int escalated) {
  }

  private final DossierStepRepository steps;
  private final DossierLookup lookup;
  private final DossierProcess process;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final int batch;

  StepSweeper(DossierStepRepository steps, DossierLookup lookup, DossierProcess process, Clock clock,
      PlatformTransactionManager transactions, @Value("${motcua.steps.sweep-batch:200}") int batch) {
    this.steps = steps;
    this.lookup = lookup;
    this.process = process;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.batch = batch;
  }

  /** A sweep as of the service's clock. */
  public Sweep sweep() {
    return sweep(LocalDateTime.now(clock));
  }

  /** Warns and escalates what is due at {@code now}, each step once, a batch of each at most. */
  public Sweep sweep(LocalDateTime now) {
    return sweep(now, read(() -> steps.dueForWarning(now, PageRequest.of(0, batch))),
        read(() -> steps.dueForEscalation(now, PageRequest.of(0, batch))));
  }

  /**
   * The same sweep over one dossier's steps only: for tests, whose clock set in the past must not warn or escalate
   * the steps other tests left open in the shared database.
   */
  Sweep sweep(LocalDateTime now, String dossierCode) {
    return sweep(now, read(() -> steps.dueForWarningOf(dossierCode, now, PageRequest.of(0, batch))),
        read(() -> steps.dueForEscalationOf(dossierCode, now, PageRequest.of(0, batch))));
  }

  private Sweep sweep(LocalDateTime now, List<Long> toWarn, List<Long> toEscalate) {
    int warned = 0;
    for (Long id : toWarn) {
      warned += once(id, now, true);
    }
    int escalated = 0;
    for (Long id : toEscalate) {
      escalated += once(id, now, false);
    }
    return new Sweep(warned, escalated);
  }

  private List<Long> read(java.util.function.Supplier<List<Long>> query) {
    List<Long> ids = transaction.execute(status -> query.get());
    return ids == null ? List.of() : ids;
  }

  /** One step's warning or escalation in its own transaction: 1 if this sweep took it, 0 if it was taken before. */
  private int once(Long id, LocalDateTime now, boolean warning) {
    try {
      Integer done = transaction.execute(status -> warning ? warn(id, now) : escalate(id, now));
      return done == null ? 0 : done;
    } catch (RuntimeException e) {
      // A dossier locked for long by an officer, or the database away: the next sweep tries again.
      log.warn("Step {} not {} this sweep: {}", id, warning ? "warned" : "escalated", e.toString());
      return 0;
    }
  }

  private int warn(Long id, LocalDateTime now) {
    DossierStep step = steps.findById(id).orElse(null);
    if (step == null) {
      return 0;
    }
    // The dossier first, as officers' actions lock it before they end a step: never the other order.
    Dossier dossier = lookup.locked(step.getDossierCode());
    if (steps.takeWarning(id, now) == 0) {
      return 0;
    }
    step = steps.findById(id).orElseThrow();
    dossier = lookup.locked(step.getDossierCode());
    dossier.stepWarned(now, step);
    lookup.save(dossier);
    return 1;
  }

  private int escalate(Long id, LocalDateTime now) {
    DossierStep step = steps.findById(id).orElse(null);
    if (step == null) {
      return 0;
    }
    Dossier dossier = lookup.locked(step.getDossierCode());
    String group = step.getAgencyCode() == null ? null
        : ProcessContract.ESCALATION_ROLE + "@" + step.getAgencyCode();
    if (steps.takeEscalation(id, now, group) == 0) {
      return 0;
    }
    step = steps.findById(id).orElseThrow();
    if (group != null && !ProcessContract.ESCALATION_ROLE.equals(step.getRole())) {
      process.escalate(step.getTaskId(), group);
    }
    dossier = lookup.locked(step.getDossierCode());
    dossier.stepEscalated(now, step, group);
    lookup.save(dossier);
    return 1;
  }
}
