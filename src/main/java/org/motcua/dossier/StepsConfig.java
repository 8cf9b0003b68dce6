package org.motcua.dossier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StepSweeper} every {@code motcua.steps.sweep-interval} on every node (the sweep's conditional
 * updates keep each warning and escalation single); off with {@code motcua.steps.sweeper-enabled=false}.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "motcua.steps.sweeper-enabled", havingValue = "true", matchIfMissing = true)
class StepsConfig {

  private static final Logger log = LoggerFactory.getLogger(StepsConfig.class);

  private final StepSweeper sweeper;

  StepsConfig(StepSweeper sweeper) {
    this.sweeper = sweeper;
  }

  @Scheduled(fixedDelayString = "${motcua.steps.sweep-interval:PT1M}", initialDelayString = "PT10S")
  void run() {
    try {
      StepSweeper.Sweep sweep = sweeper.sweep();
      if (sweep.warned() + sweep.escalated() > 0) {
        log.info("Steps swept: {} warned, {} escalated", sweep.warned(), sweep.escalated());
      }
    } catch (RuntimeException e) {
      log.warn("Step sweep failed: {}", e.toString());
    }
  }
}
