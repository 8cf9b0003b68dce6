package org.motcua.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Removes stored files no row points at. An upload stores its bytes before its transaction commits; a rollback removes
 * them again ({@link Uploads}), but a node that dies between the two (killed, out of memory, power cut) leaves the
 * bytes without a row. The sweep looks at the files of the last {@code motcua.documents.orphan-sweep.days} days (keys
 * start with their day) that were written more than {@code motcua.documents.orphan-sweep.grace} ago — far longer than
 * any upload's transaction — and deletes those that no {@link StoredFileOwner} names. Any node may run it at any time:
 * deleting an orphan twice is harmless, and a file a row names is never touched.
 */
@Component
public class OrphanSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

  private final DocumentStore store;
  private final List<StoredFileOwner> owners;
  private final Clock clock;
  private final Duration grace;
  private final int days;

  OrphanSweep(DocumentStore store, List<StoredFileOwner> owners, Clock clock,
      @Value("${motcua.documents.orphan-sweep.grace:PT1H}") Duration grace,
      @Value("${motcua.documents.orphan-sweep.days:3}") int days) {
    this.store = store;
    this.owners = owners;
    this.clock = clock;
    this.grace = grace;
    this.days = days;
  }

  /** Sweeps now; returns the keys deleted. */
  public List<String> sweep() {
    return sweep(clock.instant(), LocalDate.now());
  }

  /**
   * @param now   what counts as now for the grace period (files written after {@code now - grace} are kept)
   * @param today the newest day swept (keys carry the node's local date)
   */
  public List<String> sweep(Instant now, LocalDate today) {
    Instant writtenBefore = now.minus(grace);
    List<String> deleted = new java.util.ArrayList<>();
    for (int back = days - 1; back >= 0; back--) {
      LocalDate day = today.minusDays(back);
      List<DocumentStore.StoredObject> stored = store.listDay(day);
      if (stored.isEmpty()) {
        continue;
      }
      // The rows are read after the listing: a file listed here and old enough had its transaction end long ago.
      Set<String> referenced = new HashSet<>();
      owners.forEach(owner -> referenced.addAll(owner.keysOfDay(day)));
      for (DocumentStore.StoredObject object : stored) {
        if (object.writtenAt().isBefore(writtenBefore) && !referenced.contains(object.key())) {
          store.delete(object.key());
          deleted.add(object.key());
        }
      }
    }
    if (!deleted.isEmpty()) {
      log.info("Orphan sweep: deleted {} stored file(s) no row points at: {}", deleted.size(),
          deleted.size() > 20 ? deleted.subList(0, 20) + " …" : deleted);
    }
    return deleted;
  }
}
