package org.motcua.dossier;

import java.util.List;

/**
 * The one way other features read dossiers in SQL: the view {@value #NAME} (migration V47), one row per dossier with
 * the facts of {@link DossierFacts} (the facts every {@link DossierChanged} gives the counters), so that reporting's
 * raw scans, the register and the benchmark's check read the same columns the aggregates are kept from, and the
 * dossier table can change behind it. Reporting writes {@code from dossier_facts} in its SQL; no SQL outside this
 * package names the dossier tables ({@code ArchitectureTest}).
 *
 * <p>Columns ({@link #COLUMNS}), in {@link DossierFacts}' order, each the field's name in snake case (timestamps
 * without time zone, enums by name):
 * {@code code}, {@code procedure_code}, {@code procedure_field} (the field {@code field}, named as in
 * {@code report_day}), {@code online_level}, {@code fee_vnd}, {@code agency_code}, {@code agency_path} (the path the
 * dossier was received under, {@code /root/…/code/}), {@code channel} (1 counter, 2 online, 3 post), {@code status}
 * (national code 1–10), {@code submitted_at}, {@code received_at}, {@code due_at}, {@code finished_at},
 * {@code returned_at}, {@code ended_at} (end of handling), {@code timeliness} ({@link Timeliness}), {@code
 * supplement_count}, {@code duration_unit}, {@code components_digitized}, {@code components_supplied}, {@code
 * components_reused}, {@code result_digitized}, {@code paid_online}, {@code stop_reason}; and, beyond the facts,
 * {@code procedure_name}, the catalog snapshot the register prints.
 *
 * <p>Filter on {@code received_at}, {@code ended_at}, {@code due_at} or {@code code}: the view is a plain projection,
 * so both databases plan those conditions over the dossier table's indexes.
 */
public final class DossierFactsView {

  /** The view's name. */
  public static final String NAME = "dossier_facts";

  /** Its columns, in order: {@link DossierFacts}' fields, then {@code procedure_name}. */
  public static final List<String> COLUMNS = List.of("code", "procedure_code", "procedure_field", "online_level",
      "fee_vnd", "agency_code", "agency_path", "channel", "status", "submitted_at", "received_at", "due_at",
      "finished_at", "returned_at", "ended_at", "timeliness", "supplement_count", "duration_unit",
      "components_digitized", "components_supplied", "components_reused", "result_digitized", "paid_online",
      "stop_reason", "procedure_name");

  private DossierFactsView() {
  }
}
