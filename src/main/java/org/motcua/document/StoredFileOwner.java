package org.motcua.document;

import java.time.LocalDate;
import java.util.Set;

/**
 * A feature whose rows point at files of the {@link DocumentStore} (a dossier's documents, the e-data warehouse). The
 * {@link OrphanSweep} keeps every key one of them names.
 */
public interface StoredFileOwner {

  /** The keys of that day's files that rows of this feature point at (keys start with the day: {@code 2026-12-05/…}). */
  Set<String> keysOfDay(LocalDate day);

  /** The range of keys of a day, for a range query over the {@code storage_key} index: from inclusive, to exclusive. */
  static String[] keyRange(LocalDate day) {
    // '0' is the character after '/': every key "day/…" sorts between "day/" and "day0".
    return new String[] {day + "/", day + "0"};
  }
}
