package org.motcua.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link OrphanSweep} every {@code motcua.documents.orphan-sweep.interval} (1 hour) on every node; off with
 * {@code motcua.documents.orphan-sweep.enabled=false}.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "motcua.documents.orphan-sweep.enabled", havingValue = "true", matchIfMissing = true)
class OrphanSweepSchedule {

  private static final Logger log = LoggerFactory.getLogger(OrphanSweepSchedule.class);

  private final OrphanSweep sweep;

  OrphanSweepSchedule(OrphanSweep sweep) {
    this.sweep = sweep;
  }

  @Scheduled(fixedDelayString = "${motcua.documents.orphan-sweep.interval:PT1H}", initialDelayString = "PT5M")
  void run() {
    try {
      sweep.sweep();
    } catch (RuntimeException e) {
      log.warn("Orphan sweep failed: {}", e.toString());
    }
  }
}
