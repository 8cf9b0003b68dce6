package org.motcua.reporting;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.dossier.ImportedDossiers;
import org.motcua.dossier.ImportedDossiers.ImportedDossier;
import org.springframework.stereotype.Component;

/**
 * Writes history from a previous system (or the benchmark's synthetic history): the dossier side creates the dossiers
 * ({@link ImportedDossiers}: JDBC batches, no process, no events), and their {@link DayContribution}, the same as
 * live changes add, goes to the day counters in the same transaction.
 */
@Component
class HistoryRows {

  private final ImportedDossiers dossiers;
  private final DayCounts counts;

  HistoryRows(ImportedDossiers dossiers, DayCounts counts) {
    this.dossiers = dossiers;
    this.counts = counts;
  }

  /** Creates the dossiers and adds their contributions to the day counters, in the caller's transaction. */
  void insert(List<ImportedDossier> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Map<DayContribution.Key, long[]> deltas = new HashMap<>();
    for (ImportedDossier d : batch) {
      DayContribution.addTo(deltas, d.facts(), 1);
    }
    dossiers.insert(batch);
    counts.add(deltas);
  }

  /** The codes among these that are already in the database (imports are idempotent by dossier code). */
  Set<String> existing(Collection<String> codes) {
    return dossiers.existing(codes);
  }

  /** After a bulk load: the dossier table's planner statistics (PostgreSQL). */
  void analyzeAfterBulkLoad() {
    dossiers.analyzeAfterBulkLoad();
  }
}
