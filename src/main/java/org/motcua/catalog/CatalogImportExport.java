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
 * The catalogue in force written in the import layout ({@link CatalogImportColumn}), one row a procedure: what an
 * administrator downloads, amends and loads again, and the sample file shipped in {@code config/samples/}. Read back,
 * it gives the same procedures (nothing changed).
 */
final class CatalogImportExport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogImportExport() {
  }

  static List<List<String>> table(Catalog catalog, Collection<Procedure> procedures) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(Arrays.stream(CatalogImportColumn.values()).map(c -> c.vietnamese).toList());
    for (Procedure p : procedures) {
      rows.add(Arrays.stream(CatalogImportColumn.values()).map(c -> cell(catalog, p, c)).toList());
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
      case CASE_CODE, CASE_NAME, ONLINE_DURATION -> "";
      case DURATION -> String.valueOf(p.duration().value());
      case DURATION_UNIT -> unit(p.duration().unit());
      case FEE -> p.fee().items().isEmpty() ? "" : String.valueOf(p.feeVnd());
      case FEE_DUE -> p.fee().items().isEmpty() ? ""
          : p.fee().due() == FeeSchedule.Due.AT_SUBMISSION ? "Khi nộp hồ sơ" : "Trước khi trả kết quả";
      case FEE_SCHEDULE -> p.fee().items().isEmpty() ? "" : feeSchedule(p.fee());
      case FEE_NOTE -> nullToEmpty(p.feeNote());
      case EXEMPTIONS -> p.exemptions().stream().map(e -> "[" + e.code() + "] " + e.name())
          .collect(Collectors.joining("\n"));
      case COMPONENTS -> p.components().stream()
          .map(c -> "[" + c.code() + "] " + c.name() + (c.required() ? "" : " (không bắt buộc)"))
          .collect(Collectors.joining("\n"));
      case LEGAL_BASIS -> nullToEmpty(p.legalBasis());
      case ONLINE_LEVEL -> switch (p.onlineLevel()) {
        case FULL -> "Toàn trình";
        case PARTIAL -> "Một phần";
        case NONE -> "Không";
      };
      case PROCESS -> p.processKey();
      case STEPS -> p.steps().stream().map(s -> s.task() + "=" + s.workingHours()).collect(Collectors.joining("; "));
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
