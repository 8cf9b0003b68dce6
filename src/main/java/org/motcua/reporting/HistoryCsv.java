package org.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.dossier.DossierCodes;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.ImportedDossiers.ImportedDossier;
import org.motcua.dossier.Timeliness;

/**
 * One line of a history CSV: parsed, checked against the catalog and the lifecycle rules, and turned into the
 * dossier it describes (catalog snapshot, agency path and timeliness computed as for live dossiers).
 */
final class HistoryCsv {

  static final String HEADER = "code,procedure_code,agency_code,channel,submitted_at,received_at,due_at,finished_at,"
      + "returned_at,status,supplement_count,fee_vnd,paid_online,components_digitized,result_digitized";
  static final int COLUMNS = 15;
  private static final String[] NAMES = HEADER.split(",");

  /** A rejected line: a stable reason code (message {@code import.<REASON>}) and what was wrong. */
  record Rejection(String reason, String detail) {
  }

  /** The outcome of one line: a dossier or a rejection. */
  record Row(ImportedDossier dossier, Rejection rejection) {

    static Row rejected(String reason, String detail) {
      return new Row(null, new Rejection(reason, detail));
    }
  }

  private final Catalog catalog;
  private final LocalDateTime now;

  HistoryCsv(Catalog catalog, LocalDateTime now) {
    this.catalog = catalog;
    this.now = now;
  }

  static boolean isHeader(String line) {
    return stripBom(line).trim().equals(HEADER);
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  Row parse(String line) {
    List<String> raw = split(line);
    if (raw == null) {
      return Row.rejected("UNCLOSED_QUOTE", line);
    }
    if (raw.size() != COLUMNS) {
      return Row.rejected("COLUMN_COUNT", String.valueOf(raw.size()));
    }
    // The code is checked as written (a tab or space around it is refused with it); the other values are trimmed.
    if (!DossierCodes.isWellFormed(raw.get(0))) {
      return Row.rejected("BAD_CODE", raw.get(0));
    }
    List<String> f = raw.stream().map(String::trim).toList();
    try {
      return build(f);
    } catch (Bad bad) {
      return Row.rejected(bad.reason, bad.detail);
    }
  }

  private Row build(List<String> f) {
    // Checked in parse: only codes of the dossier-code format, which holds no formula character, space, tab or line
    // break, so the code is safe in every export.
    String code = f.get(0);
    String procedureCode = procedureCode(f.get(1));
    List<Procedure> versions = catalog.versions(procedureCode);
    Agency agency = catalog.agency(f.get(2)).orElseThrow(() -> new Bad("UNKNOWN_AGENCY", f.get(2)));
    int channel = integer(f.get(3), "channel", 1, 3);
    LocalDateTime submitted = time(f.get(4), "submitted_at");
    if (submitted == null) {
      throw new Bad("MISSING_VALUE", "submitted_at");
    }
    // The version in force when the dossier was submitted; a procedure since withdrawn, its last version.
    Procedure procedure = catalog.procedure(procedureCode, submitted.toLocalDate())
        .orElse(versions.get(versions.size() - 1));
    LocalDateTime received = time(f.get(5), "received_at");
    LocalDateTime due = time(f.get(6), "due_at");
    LocalDateTime finished = time(f.get(7), "finished_at");
    LocalDateTime returned = time(f.get(8), "returned_at");
    int status = integer(f.get(9), "status", 1, 10);
    int supplements = f.get(10).isEmpty() ? 0 : integer(f.get(10), "supplement_count", 0, 1000);
    long fee = f.get(11).isEmpty() ? procedure.feeVnd() : amount(f.get(11));
    for (int i = 12; i < COLUMNS; i++) {
      bool(f.get(i), NAMES[i]);
    }

    boolean everReceived = status != 1 && status != 3;
    if (!everReceived && (received != null || due != null || finished != null || returned != null)) {
      throw new Bad("NOT_RECEIVED_HAS_DATES", String.valueOf(status));
    }
    if (everReceived && received == null) {
      throw new Bad("MISSING_VALUE", "received_at");
    }
    if (everReceived && due == null) {
      throw new Bad("MISSING_VALUE", "due_at");
    }
    boolean ended = status == 8 || status == 9 || status == 10;
    if (ended && finished == null) {
      throw new Bad("MISSING_VALUE", "finished_at");
    }
    if (!ended && finished != null) {
      throw new Bad("FINISHED_BUT_OPEN", String.valueOf(status));
    }
    if (status == 10 && returned == null) {
      throw new Bad("MISSING_VALUE", "returned_at");
    }
    if (status != 10 && returned != null) {
      throw new Bad("RETURNED_NOT_STATUS_10", String.valueOf(status));
    }
    // The agency must have existed on the dossier's day (its reception, or its submission if never received): a
    // 2023 line names the agencies of 2023, not those that took over their work in 2025.
    LocalDate day = (received != null ? received : submitted).toLocalDate();
    if (!agency.isValidOn(day)) {
      throw new Bad("AGENCY_NOT_VALID", "agency_code=" + agency.code() + ", " + (received != null ? "received_at"
          : "submitted_at") + "=" + day + ", valid " + (agency.validFrom() == null ? "" : agency.validFrom()) + "–"
          + (agency.validTo() == null ? "" : agency.validTo()));
    }
    order(submitted, received, "received_at", "submitted_at");
    order(received, due, "due_at", "received_at");
    order(received, finished, "finished_at", "received_at");
    order(finished, returned, "returned_at", "finished_at");
    for (LocalDateTime t : new LocalDateTime[] {submitted, received, finished, returned}) {
      if (t != null && t.isAfter(now)) {
        throw new Bad("IN_FUTURE", t.toString());
      }
    }

    // Status 8 (stopped, refused after reception, withdrawn) ends handling without a result: like a live refusal,
    // it has an end of handling but no finish time.
    Timeliness timeliness = ended ? Timeliness.classify(finished, due, supplements) : null;
    DossierFacts facts = new DossierFacts(code, procedure.code(), procedure.field(), procedure.onlineLevel(), fee,
        agency.code(), catalog.path(agency.code()), channel, status, submitted, received, due,
        status == 8 ? null : finished, returned, ended ? finished : null, timeliness, supplements,
        procedure.duration().unit(), "true".equals(f.get(13)), 0, 0, "true".equals(f.get(14)),
        "true".equals(f.get(12)));
    return new Row(new ImportedDossier(facts, procedure.name(), procedure.duration().value()), null);
  }

  /**
   * The procedure a line names: by its code in the catalogue, or else — a history names the procedures as the province
   * published them then (Hậu Giang's localized codes ended in its identifier H30 before the 2025 merger) — by its
   * national code (the first two parts, {@code 2.000488}) when exactly one procedure of the catalogue has it.
   */
  /**
   * The catalogue's code for the line's procedure: the code itself, or, for a code of the old structure (e.g. a
   * department of the abolished province), the one procedure with the same national code.
   */
  private String procedureCode(String code) {
    if (!catalog.versions(code).isEmpty()) {
      return code;
    }
    String[] parts = code.split("\\.");
    if (parts.length > 2) {
      String national = parts[0] + "." + parts[1];
      List<Procedure> same = catalog.procedures().stream().filter(p -> p.nationalCode().equals(national)).toList();
      if (same.size() == 1) {
        return same.get(0).code();
      }
    }
    throw new Bad("UNKNOWN_PROCEDURE", code);
  }

  private static void order(LocalDateTime earlier, LocalDateTime later, String laterName, String earlierName) {
    if (earlier != null && later != null && later.isBefore(earlier)) {
      throw new Bad("BEFORE", laterName + " < " + earlierName);
    }
  }

  private static LocalDateTime time(String value, String column) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new Bad("BAD_TIME", column + "=" + value);
    }
  }

  private static int integer(String value, String column, int min, int max) {
    try {
      int v = Integer.parseInt(value);
      if (v < min || v > max) {
        throw new Bad("BAD_NUMBER", column + "=" + value);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new Bad("BAD_NUMBER", column + "=" + value);
    }
  }

  private static long amount(String value) {
    try {
      long v = Long.parseLong(value);
      if (v < 0) {
        throw new Bad("BAD_NUMBER", "fee_vnd=" + value);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new Bad("BAD_NUMBER", "fee_vnd=" + value);
    }
  }

  /** Digitization and payment flags are checked but not stored yet: their columns come with issues 3 and 4. */
  private static void bool(String value, String column) {
    if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
      throw new Bad("BAD_BOOLEAN", column + "=" + value);
    }
  }

  /** RFC 4180 fields (quotes optional, "" inside quotes) as written; null if a quote is left open. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>(COLUMNS);
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(current.toString());
    return fields;
  }

  /** A validation failure inside {@link #build}; cheap (no stack trace), one per bad line. */
  private static final class Bad extends RuntimeException {
    private final String reason;
    private final String detail;

    Bad(String reason, String detail) {
      super(reason, null, false, false);
      this.reason = reason;
      this.detail = detail;
    }
  }
}
