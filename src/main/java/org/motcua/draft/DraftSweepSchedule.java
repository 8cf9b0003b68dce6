package org.motcua.draft;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired drafts every {@code motcua.drafts.sweep-interval} (1 hour) on every node (a delete by expiry: two
 * nodes sweeping at once delete nothing twice); off with {@code motcua.drafts.sweep-enabled=false}.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "motcua.drafts.sweep-enabled", havingValue = "true", matchIfMissing = true)
class DraftSweepSchedule {

  private static final Logger log = LoggerFactory.getLogger(DraftSweepSchedule.class);

  private final FormDrafts drafts;

  DraftSweepSchedule(FormDrafts drafts) {
    this.drafts = drafts;
  }

  @Scheduled(fixedDelayString = "${motcua.drafts.sweep-interval:PT1H}", initialDelayString = "PT2M")
  void run() {
    try {
      int deleted = drafts.deleteExpired();
      if (deleted > 0) {
        log.info("Deleted {} expired drafts", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("Draft sweep failed: {}", e.toString());
    }
  }
}
