package org.motcua.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.motcua.calendar.DurationUnit;
import org.motcua.common.CsvWriter;

/**
 * The catalogue in force written in the import layout ({@link CatalogImportColumn}): one row a procedure, or one row a
 * case for a procedure with cases (its procedure-wide cells on the first row only). What an administrator downloads,
 * amends and loads again, and the sample file shipped in {@code config/samples/}. Read back, it gives the same
 * procedures (nothing changed).
 */
final class CatalogImportExport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogImportExport() {
  }

  static List<List<String>> table(Catalog catalog, Collection<Procedure> procedures) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(Arrays.stream(CatalogImportColumn.values()).map(c -> c.vietnamese).toList());
    for (Procedure p : procedures) {
      boolean explicit = hasCases(p);
      for (int i = 0; i < p.cases().size(); i++) {
        Procedure.Case kase = p.cases().get(i);
        boolean first = i == 0;
        rows.add(Arrays.stream(CatalogImportColumn.values())
            .map(c -> c.perProcedure && c != CatalogImportColumn.CODE && !first ? ""
                : c.perProcedure ? cell(catalog, p, c) : caseCell(kase, explicit, c))
            .toList());
      }
    }
    return rows;
  }

  static byte[] csv(Catalog catalog, Collection<Procedure> procedures) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      CsvWriter out = new CsvWriter(bytes);
      for (List<String> row : table(catalog, procedures)) {
        out.line(row);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** True when the procedure lists its cases, rather than having the one implicit case of its own values. */
  static boolean hasCases(Procedure p) {
    return p.cases().size() > 1 || !Procedure.DEFAULT_CASE.equals(p.cases().get(0).code());
  }

  /** A procedure-wide cell. */
  private static String cell(Catalog catalog, Procedure p, CatalogImportColumn column) {
    return switch (column) {
      case CODE -> p.code();
      case NATIONAL_CODE -> p.nationalCode();
      case NAME -> p.name();
      case FIELD -> p.field();
      case LEVEL -> switch (p.level()) {
        case PROVINCE -> "Cấp tỉnh";
        case DISTRICT -> "Cấp huyện";
        case COMMUNE -> "Cấp xã";
      };
      case OFFERINGS -> offerings(catalog, p);
      case ANYWHERE -> p.anywhere() ? "Có" : "";
      case EXEMPTIONS -> p.exemptions().stream().map(e -> "[" + e.code() + "] " + e.name())
          .collect(Collectors.joining("\n"));
      case LEGAL_BASIS -> nullToEmpty(p.legalBasis());
      default -> throw new IllegalArgumentException(column + " is a case's");
    };
  }

  /**
   * A cell of one case; for a procedure without cases, of its implicit case (its own values), with the case code,
   * name and default flag left empty.
   */
  private static String caseCell(Procedure.Case c, boolean explicit, CatalogImportColumn column) {
    return switch (column) {
      case CASE_CODE -> explicit ? c.code() : "";
      case CASE_NAME -> explicit ? c.name() : "";
      case DEFAULT_CASE -> explicit && c.byDefault() ? "Có" : "";
      case DURATION -> String.valueOf(c.duration().value());
      case DURATION_UNIT -> unit(c.duration().unit());
      // In the unit of the duration column; a time limit in another unit says its own.
      case ONLINE_DURATION -> c.onlineDuration() == null ? ""
          : c.onlineDuration().unit() == c.duration().unit() ? String.valueOf(c.onlineDuration().value())
          : c.onlineDuration().value() + " " + unit(c.onlineDuration().unit());
      case FEE -> c.fee().items().isEmpty() ? "" : String.valueOf(c.feeVnd());
      case FEE_DUE -> c.fee().items().isEmpty() ? ""
          : c.fee().due() == FeeSchedule.Due.AT_SUBMISSION ? "Khi nộp hồ sơ" : "Trước khi trả kết quả";
      case FEE_SCHEDULE -> c.fee().items().isEmpty() ? "" : feeSchedule(c.fee());
      case FEE_NOTE -> nullToEmpty(c.feeNote());
      case COMPONENTS -> c.components().stream()
          .map(x -> "[" + x.code() + "] " + x.name() + (x.required() ? "" : " (không bắt buộc)"))
          .collect(Collectors.joining("\n"));
      case ONLINE_LEVEL -> switch (c.onlineLevel()) {
        case FULL -> "Toàn trình";
        case PARTIAL -> "Một phần";
        case NONE -> "Không";
      };
      case PROCESS -> c.processKey();
      case STEPS -> c.steps().stream()
          .map(s -> s.task() + "=" + s.workingHours() + (s.warnShare() == null ? "" : "@" + s.warnShare()))
          .collect(Collectors.joining("; "));
      case STAGES -> c.stages().isEmpty() ? "" : stages(c.stages());
      default -> throw new IllegalArgumentException(column + " is the procedure's");
    };
  }

  static String unit(DurationUnit unit) {
    return switch (unit) {
      case WORKING_DAYS -> "Ngày làm việc";
      case WORKING_HOURS -> "Giờ làm việc";
      case CALENDAR_DAYS -> "Ngày";
      case SAME_DAY -> "Trong ngày";
    };
  }

  /**
   * The receiving agencies, shortest form first: one agency; every agency of a level under a parent
   * ({@code COMMUNE@000.00.00.H13}) when the offerings are exactly those, with one localized code; else the list.
   */
  private static String offerings(Catalog catalog, Procedure p) {
    List<Offering> offerings = p.offerings();
    Set<String> codes = offerings.stream().map(Offering::agencyCode).collect(Collectors.toSet());
    Set<String> localized = offerings.stream().map(Offering::localizedCode).collect(Collectors.toSet());
    if (offerings.size() > 1 && localized.size() == 1) {
      AgencyLevel level = catalog.agency(offerings.get(0).agencyCode()).map(Agency::level).orElse(null);
      for (Agency parent : catalog.agencies()) {
        Set<String> under = catalog.agencies().stream()
            .filter(a -> a.level() == level && !a.code().equals(parent.code())
                && catalog.isWithin(a.code(), parent.code()))
            .map(Agency::code).collect(Collectors.toSet());
        if (under.equals(codes)) {
          String code = localized.iterator().next();
          return level + "@" + parent.code() + (code.equals(p.code()) ? "" : "=" + code);
        }
      }
    }
    return offerings.stream()
        .map(o -> o.agencyCode() + (o.localizedCode().equals(p.code()) ? "" : "=" + o.localizedCode()))
        .collect(Collectors.joining("; "));
  }

  /** The fee schedule in the {@code procedures.yml} schema, as one line of JSON. */
  /** The stages in the {@code procedures.yml} schema, as JSON. */
  static String stages(List<Procedure.Stage> stages) {
    ArrayNode json = JSON.createArrayNode();
    for (Procedure.Stage stage : stages) {
      ObjectNode s = json.addObject().put("agency", stage.agencyCode()).put("name", stage.name());
      if (stage.obligation()) {
        s.put("obligation", true);
      }
      ArrayNode steps = s.putArray("steps");
      for (Procedure.Step step : stage.steps()) {
        ObjectNode x = steps.addObject().put("task", step.task()).put("workingHours", step.workingHours());
        if (step.warnShare() != null) {
          x.put("warnShare", step.warnShare());
        }
      }
    }
    return json.toString();
  }

  static String feeSchedule(FeeSchedule fee) {
    ObjectNode json = JSON.createObjectNode().put("due", fee.due().name());
    if (!fee.quantities().isEmpty()) {
      ArrayNode quantities = json.putArray("quantities");
      fee.quantities().forEach(q -> quantities.addObject().put("code", q.code()).put("name", q.name())
          .put("unit", q.unit()).put("default", q.defaultValue()).put("min", q.min()).put("max", q.max()));
    }
    ArrayNode items = json.putArray("items");
    for (FeeSchedule.Item item : fee.items()) {
      ObjectNode i = items.addObject().put("name", item.name()).put("kind", item.kind().name());
      if (item.per() != null) {
        i.put("per", item.per());
      }
      if (item.tiers().size() == 1 && item.tiers().get(0).from() == 1) {
        i.put("vnd", item.tiers().get(0).vnd());
      } else {
        ArrayNode tiers = i.putArray("tiers");
        item.tiers().forEach(t -> tiers.addObject().put("from", t.from()).put("vnd", t.vnd()));
      }
      if (item.capVnd() != null) {
        i.put("cap", item.capVnd());
      }
      if (item.times() != null) {
        i.put("times", item.times());
      }
    }
    return json.toString();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
