package org.motcua.dossier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Prometheus metrics of the dossier flow: received by channel, ended by classification, overdue in progress, and how
 * long officers' task completions take. Counters move only when the dossier's transaction commits.
 */
@Component
class DossierMetrics {

  private final MeterRegistry registry;

  DossierMetrics(MeterRegistry registry, DossierRepository dossiers, Clock clock) {
    this.registry = registry;
    Gauge.builder("motcua.dossiers.overdue.in.progress",
            () -> dossiers.countOverdueInProgress(LocalDateTime.now(clock)))
        .description("Dossiers still being handled past their appointment date")
        .register(registry);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(DossierChanged change) {
    DossierFacts before = change.before();
    DossierFacts after = change.after();
    if (after.receivedAt() != null && (before == null || before.receivedAt() == null)) {
      Counter.builder("motcua.dossiers.received").description("Dossiers received (tiếp nhận)")
          .tag("channel", String.valueOf(after.channel())).tag("agency", after.agencyCode())
          .register(registry).increment();
    }
    if (after.endedAt() != null && (before == null || before.endedAt() == null)) {
      Counter.builder("motcua.dossiers.finished").description("Dossiers whose handling ended, by classification")
          .tag("timeliness", after.timeliness() == null ? "NONE" : after.timeliness().name())
          .tag("agency", after.agencyCode())
          .register(registry).increment();
    }
  }

  void taskCompleted(String taskKey, Duration took) {
    Timer.builder("motcua.task.completion").description("Time to complete an officer's task through the API")
        .tag("task", taskKey).publishPercentiles(0.5, 0.99)
        .register(registry).record(took);
  }
}
