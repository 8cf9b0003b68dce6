package org.motcua.dossier;

import java.util.List;

/**
 * The way other features read dossiers in their own SQL: the view {@value #NAME} (migration V47), one row per dossier
 * with the facts of {@link DossierFacts} (the facts every {@link DossierChanged} gives the counters), so that
 * reporting's scans and the benchmark's check read the same columns the aggregates are kept from, and the dossier
 * table can change behind it. No SQL outside this package names the dossier tables ({@code ArchitectureTest}); the
 * other reads go through this package's classes ({@link ReceivedDossiers} for the register, {@link ImportedDossiers}
 * for the import's duplicate check).
 *
 * <p>Columns ({@link #COLUMNS}), in {@link DossierFacts}' order, each the field's name in snake case (timestamps
 * without time zone, enums by name):
 * {@code code}, {@code procedure_code}, {@code procedure_field} (the field {@code field}, named as in
 * {@code report_day}), {@code online_level}, {@code fee_vnd}, {@code agency_code}, {@code agency_path} (the path the
 * dossier was received under, {@code /root/…/code/}), {@code channel} (1 counter, 2 online, 3 post), {@code status}
 * (national code 1–10), {@code submitted_at}, {@code received_at}, {@code due_at}, {@code finished_at},
 * {@code returned_at}, {@code ended_at} (end of handling), {@code timeliness} ({@link Timeliness}), {@code
 * supplement_count}, {@code duration_unit}, {@code components_digitized}, {@code components_supplied}, {@code
 * components_reused}, {@code result_digitized}, {@code paid_online}, {@code stop_reason}, {@code vneid_verified} (submitted by an account
 * signed in through VNeID; since V74, which recreated the view), {@code satisfaction_rating}, {@code feedback_count},
 * {@code feedback_rejected} (since V78: the facts of the satisfaction indicator).
 *
 * <p>Filter on {@code received_at}, {@code ended_at}, {@code due_at} or {@code code}: the view is a plain projection,
 * so both databases plan those conditions over the dossier table's indexes. PostgreSQL inlines it; H2 2.x runs it as a
 * subquery with those conditions pushed in and materializes its rows, which costs nothing on a day's range (the
 * summary's judged-day corrections) but about twice the table's time on a scan of months (the raw scan, a test and
 * benchmark reference), and defeats an {@code ORDER BY … LIMIT} over the index: a paged list reads the table in this
 * package instead (as {@link ReceivedDossiers} does).
 */
public final class DossierFactsView {

  /** The view's name. */
  public static final String NAME = "dossier_facts";

  /** Its columns, in order: {@link DossierFacts}' fields. */
  public static final List<String> COLUMNS = List.of("code", "procedure_code", "procedure_field", "online_level",
      "fee_vnd", "agency_code", "agency_path", "channel", "status", "submitted_at", "received_at", "due_at",
      "finished_at", "returned_at", "ended_at", "timeliness", "supplement_count", "duration_unit",
      "components_digitized", "components_supplied", "components_reused", "result_digitized", "paid_online",
      "stop_reason", "vneid_verified", "satisfaction_rating", "feedback_count", "feedback_rejected");

  private DossierFactsView() {
  }
}
