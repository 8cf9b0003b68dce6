package org.motcua.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.motcua.calendar.DurationUnit;
import static org.motcua.catalog.CatalogImportColumn.*;

/**
 * Turns the rows of a catalogue import file into procedure entries of the {@code procedures.yml} schema and checks
 * them: first each cell (every bad cell of every line is reported), then each procedure whose cells are all good goes
 * through the very checks of start-up ({@link CatalogLoader#parseProcedure}), whose complaint is mapped back to the
 * column and line it comes from. The caller stores nothing unless the list of errors is empty.
 */
final class CatalogImportRows {

  /** A procedure read from the file: its entry in the configuration's schema and the version it describes. */
  record Entry(String code, int line, ObjectNode json, Procedure procedure) {
  }

  /**
   * One error: the file, the line (the header is line 1 in a file that starts with it), the column as the sample file
   * heads it, a stable code (message {@code catalogueImport.<code>}) and the value or rule at fault.
   */
  record LineError(String file, int line, String field, String code, String detail) {
  }

  record Result(int rowsRead, List<Entry> entries, List<LineError> errors) {
  }

  /**
   * What is wrong with a cell or a header, by its stable code; message {@code catalogueImport.<code>} with the value
   * at fault as {0} and the column as {1}.
   */
  enum Problem {
    MISSING_COLUMN, UNKNOWN_COLUMN, DUPLICATE_COLUMN, REQUIRED, BAD_NUMBER, BAD_LEVEL, BAD_UNIT, BAD_ONLINE_LEVEL,
    BAD_FEE_DUE, BAD_BOOLEAN, BAD_OFFERING, UNKNOWN_AGENCY, BAD_EXEMPTION, BAD_STEPS, STEPS_REQUIRED,
    BAD_FEE_SCHEDULE, BAD_STAGES, FEE_MISMATCH, CASE_CODE_MISSING, DUPLICATE_CASE, INCONSISTENT_PROCEDURE,
    /** The procedure's entry is longer than the database keeps ({@link #MAX_ENTRY} characters). */
    TOO_LONG,
    /** The start-up checks of {@code procedures.yml} refused the procedure; the detail is their message. */
    CATALOGUE_RULE
  }

  static final String DEFAULT_PROCESS = "dossier-standard";
  /** The longest entry stored ({@code catalogue_import_entry.entry}). */
  static final int MAX_ENTRY = 200_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CODED = Pattern.compile("^\\[([A-Za-z0-9_.-]+)]\\s*(.+)$", Pattern.DOTALL);
  private static final Pattern OFFERING =
      Pattern.compile("^(?:([A-Za-zÀ-ỹ ]+)@)?([A-Za-z0-9.]+)(?:\\s*=\\s*([A-Za-z0-9.]+))?$");
  private static final Pattern ONLINE = Pattern.compile("^(\\d{1,6})\\s*(.*)$");
  /** {@code task=hours}, optionally with the step's warning share: {@code appraisal=56@0.5}. */
  private static final Pattern STEP = Pattern.compile("^([A-Za-z]+)\\s*[=:]\\s*(\\d+)(?:\\s*@\\s*(0?\\.\\d+))?$");
  private static final Pattern LOADER_FIELD = Pattern.compile("field '([^']*)': (.*)$", Pattern.DOTALL);
  /** Shares of the statutory time given to reception, appraisal, approval and result return when no split is given. */
  private static final int[] DEFAULT_SHARES = {1, 5, 3, 1};

  private final String file;
  private final Catalog catalog;
  private final List<LineError> errors = new ArrayList<>();

  private CatalogImportRows(String file, Catalog catalog) {
    this.file = file;
    this.catalog = catalog;
  }

  /** Reads every row; {@code progress} hears how many rows have been checked so far. */
  static Result read(String file, CatalogImportFile.Table table, Catalog catalog, IntConsumer progress) {
    return new CatalogImportRows(file, catalog).read(table, progress);
  }

  private Result read(CatalogImportFile.Table table, IntConsumer progress) {
    Map<CatalogImportColumn, Integer> columns = header(table.header());
    if (!errors.isEmpty()) {
      return new Result(table.lines().size(), List.of(), List.copyOf(errors));
    }
    Map<String, List<Row>> byCode = new LinkedHashMap<>();
    for (CatalogImportFile.Line line : table.lines()) {
      Row row = new Row(line, columns);
      String code = row.get(CODE);
      if (code.isEmpty()) {
        error(line.number(), CODE, Problem.REQUIRED, "");
        continue;
      }
      byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(row);
    }
    List<Entry> entries = new ArrayList<>();
    int done = 0;
    for (List<Row> rows : byCode.values()) {
      Entry entry = procedure(rows);
      if (entry != null) {
        entries.add(entry);
      }
      done += rows.size();
      progress.accept(done);
    }
    return new Result(table.lines().size(), List.copyOf(entries), List.copyOf(errors));
  }

  private Map<CatalogImportColumn, Integer> header(CatalogImportFile.Line header) {
    Map<CatalogImportColumn, Integer> columns = new EnumMap<>(CatalogImportColumn.class);
    for (int i = 0; i < header.cells().size(); i++) {
      String name = header.cell(i);
      if (name.isEmpty()) {
        continue;
      }
      int index = i;
      CatalogImportColumn.ofHeader(name).ifPresentOrElse(column -> {
        if (columns.put(column, index) != null) {
          errors.add(new LineError(file, header.number(), name, Problem.DUPLICATE_COLUMN.name(), name));
        }
      }, () -> errors.add(new LineError(file, header.number(), name, Problem.UNKNOWN_COLUMN.name(), name)));
    }
    for (CatalogImportColumn column : CatalogImportColumn.values()) {
      if (column.required && !columns.containsKey(column)) {
        error(header.number(), column, Problem.MISSING_COLUMN, column.vietnamese);
      }
    }
    return columns;
  }

  /** The rows of one procedure (one, or one per case) as one entry; null when a cell or the loader refused it. */
  private Entry procedure(List<Row> rows) {
    int before = errors.size();
    Row first = rows.get(0);
    ObjectNode json = JSON.createObjectNode();
    text(json, "code", first, CODE, true);
    text(json, "nationalCode", first, NATIONAL_CODE, true);
    text(json, "name", first, NAME, true);
    text(json, "field", first, FIELD, true);
    level(json, first);
    offerings(json, first);
    if (!first.get(ANYWHERE).isEmpty()) {
      Boolean anywhere = yesNo(first.get(ANYWHERE));
      if (anywhere == null) {
        error(first.line, ANYWHERE, Problem.BAD_BOOLEAN, first.get(ANYWHERE));
      } else {
        json.put("anywhere", anywhere);
      }
    }
    text(json, "feeNote", first, FEE_NOTE, false);
    exemptions(json, first);
    text(json, "legalBasis", first, LEGAL_BASIS, false);
    for (Row later : rows.subList(1, rows.size())) {
      for (CatalogImportColumn column : CatalogImportColumn.values()) {
        if (column.perProcedure && column != CODE && !later.get(column).isEmpty()
            && !later.get(column).equals(first.get(column))) {
          error(later.line, column, Problem.INCONSISTENT_PROCEDURE, first.get(CODE));
        }
      }
    }
    boolean withCases = rows.size() > 1 || !first.get(CASE_CODE).isEmpty();
    if (!withCases) {
      caseFields(json, first, Scope.PROCEDURE);
    } else {
      ArrayNode cases = json.putArray("cases");
      Set<String> caseCodes = new HashSet<>();
      for (Row row : rows) {
        ObjectNode c = cases.addObject();
        if (row.get(CASE_CODE).isEmpty()) {
          error(row.line, CASE_CODE, Problem.CASE_CODE_MISSING, first.get(CODE));
        } else if (!caseCodes.add(row.get(CASE_CODE))) {
          error(row.line, CASE_CODE, Problem.DUPLICATE_CASE, row.get(CASE_CODE));
        }
        c.put("code", row.get(CASE_CODE));
        text(c, "name", row, CASE_NAME, true);
        if (!row.get(DEFAULT_CASE).isEmpty()) {
          Boolean byDefault = yesNo(row.get(DEFAULT_CASE));
          if (byDefault == null) {
            error(row.line, DEFAULT_CASE, Problem.BAD_BOOLEAN, row.get(DEFAULT_CASE));
          } else if (byDefault) {
            c.put("default", true);
          }
        }
        // An empty fee note is the procedure's (that of the first row); an empty fee is no fee.
        text(c, "feeNote", row, FEE_NOTE, false);
        caseFields(c, row, Scope.CASE);
      }
      // The procedure's own fields are those of its first case, for a reader that does not know cases.
      caseFields(json, first, Scope.PROCEDURE_OF_CASES);
    }
    if (errors.size() > before) {
      return null;
    }
    try {
      Procedure procedure = catalog.loader().parseProcedure(json, file);
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        long vnd = withCases ? procedure.cases().get(i).feeVnd() : procedure.feeVnd();
        String amount = row.get(FEE);
        if (!row.get(FEE_SCHEDULE).isEmpty() && !amount.isEmpty() && amount(amount) != vnd) {
          error(row.line, FEE, Problem.FEE_MISMATCH, amount + " ≠ " + vnd);
        }
      }
      if (errors.size() > before) {
        return null;
      }
      if (json.toString().length() > MAX_ENTRY) {
        error(first.line, CODE, Problem.TOO_LONG, String.valueOf(MAX_ENTRY));
        return null;
      }
      return new Entry(procedure.code(), first.line, json, procedure);
    } catch (CatalogException e) {
      loaderError(e, rows);
      return null;
    }
  }

  /**
   * Where {@link #caseFields} writes: a procedure without cases; the procedure-level fields of one with cases, which
   * its cases would inherit (each row gives its own, so these only repeat the first case's); or one case.
   */
  private enum Scope { PROCEDURE, PROCEDURE_OF_CASES, CASE }

  /** The cells of one case (or of a procedure without cases): duration, fee, components, level online, process. */
  private void caseFields(ObjectNode json, Row row, Scope scope) {
    DurationUnit unit = unit(row);
    Long value = number(row, DURATION, true);
    if (unit != null && value != null) {
      json.putObject("duration").put("value", value).put("unit", unit.name());
    }
    // Not inherited by the cases: a case without an online time limit has none.
    if (scope != Scope.PROCEDURE_OF_CASES) {
      onlineDuration(json, row, unit);
    }
    fee(json, row);
    if (scope == Scope.CASE && !json.has("fee") && row.get(FEE).isEmpty() && row.get(FEE_SCHEDULE).isEmpty()) {
      // A case without a fee is free, whatever the first case charges.
      json.put("fee", "none");
    }
    components(json, row);
    String level = Catalog.fold(row.get(ONLINE_LEVEL));
    OnlineLevel onlineLevel = switch (level) {
      case "toan trinh", "full", "4", "muc do 4" -> OnlineLevel.FULL;
      case "mot phan", "partial", "3", "muc do 3" -> OnlineLevel.PARTIAL;
      case "khong", "none", "2", "1", "muc do 2", "muc do 1", "thong tin truc tuyen" -> OnlineLevel.NONE;
      default -> null;
    };
    if (onlineLevel == null) {
      error(row.line, ONLINE_LEVEL, level.isEmpty() ? Problem.REQUIRED : Problem.BAD_ONLINE_LEVEL,
          row.get(ONLINE_LEVEL));
    } else {
      json.put("onlineLevel", onlineLevel.name());
    }
    json.put("process", row.get(PROCESS).isEmpty() ? DEFAULT_PROCESS : row.get(PROCESS));
    steps(json, row, unit, value);
    stages(json, row);
  }

  /** The stages of an inter-agency case, as {@code procedures.yml} writes them, in JSON. */
  private void stages(ObjectNode json, Row row) {
    String cell = row.get(STAGES);
    if (cell.isEmpty()) {
      return;
    }
    try {
      JsonNode stages = JSON.readTree(cell);
      if (stages == null || !stages.isArray()) {
        error(row.line, STAGES, Problem.BAD_STAGES, cell);
      } else {
        json.set("stages", stages);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      error(row.line, STAGES, Problem.BAD_STAGES, e.getOriginalMessage());
    }
  }

  /** {@code 5} in the unit of the duration column, or {@code 5 ngày làm việc} in its own unit. */
  private void onlineDuration(ObjectNode json, Row row, DurationUnit durationUnit) {
    String cell = row.get(ONLINE_DURATION);
    if (cell.isEmpty()) {
      return;
    }
    Matcher m = ONLINE.matcher(cell);
    if (!m.matches()) {
      error(row.line, ONLINE_DURATION, Problem.BAD_NUMBER, cell);
      return;
    }
    DurationUnit unit = m.group(2).isEmpty() ? durationUnit : unit(m.group(2));
    if (unit == null) {
      if (!m.group(2).isEmpty()) {
        error(row.line, ONLINE_DURATION, Problem.BAD_UNIT, m.group(2));
      }
      // else the duration unit's error is reported already
      return;
    }
    json.putObject("onlineDuration").put("value", Long.parseLong(m.group(1))).put("unit", unit.name());
  }

  private void level(ObjectNode json, Row row) {
    String level = Catalog.fold(row.get(LEVEL)).replaceFirst("^cap ", "");
    AgencyLevel parsed = level(level);
    if (parsed == null) {
      error(row.line, LEVEL, level.isEmpty() ? Problem.REQUIRED : Problem.BAD_LEVEL, row.get(LEVEL));
    } else {
      json.put("level", parsed.name());
    }
  }

  private static AgencyLevel level(String folded) {
    return switch (folded) {
      case "tinh", "province" -> AgencyLevel.PROVINCE;
      case "huyen", "district" -> AgencyLevel.DISTRICT;
      case "xa", "commune" -> AgencyLevel.COMMUNE;
      default -> null;
    };
  }

  /**
   * {@code 000.00.12.H13} (one agency), {@code 000.00.12.H13=LOCAL.CODE} (with its localized code), or
   * {@code COMMUNE@000.00.00.H13} (every commune under the province), separated by {@code ;} or line breaks.
   */
  private void offerings(ObjectNode json, Row row) {
    List<String> items = items(row.get(OFFERINGS), true);
    if (items.isEmpty()) {
      error(row.line, OFFERINGS, Problem.REQUIRED, "");
      return;
    }
    ArrayNode offerings = JSON.createArrayNode();
    for (String item : items) {
      Matcher m = OFFERING.matcher(item);
      if (!m.matches()) {
        error(row.line, OFFERINGS, Problem.BAD_OFFERING, item);
        continue;
      }
      if (catalog.agency(m.group(2)).isEmpty()) {
        error(row.line, OFFERINGS, Problem.UNKNOWN_AGENCY, m.group(2));
        continue;
      }
      ObjectNode offering = offerings.addObject();
      if (m.group(1) != null) {
        AgencyLevel level = level(Catalog.fold(m.group(1)).replaceFirst("^cap ", ""));
        if (level == null) {
          error(row.line, OFFERINGS, Problem.BAD_LEVEL, m.group(1));
          continue;
        }
        offering.put("level", level.name()).put("under", m.group(2));
      } else {
        offering.put("agency", m.group(2));
      }
      if (m.group(3) != null) {
        offering.put("code", m.group(3));
      }
    }
    JsonNode only = offerings.size() == 1 ? offerings.get(0) : null;
    if (only != null && only.has("agency") && !only.has("code")) {
      json.put("agency", only.get("agency").asText());
    } else {
      json.set("offerings", offerings);
    }
  }

  private void fee(ObjectNode json, Row row) {
    String schedule = row.get(FEE_SCHEDULE);
    if (!schedule.isEmpty()) {
      try {
        JsonNode fee = JSON.readTree(schedule);
        if (fee == null || !fee.isObject()) {
          error(row.line, FEE_SCHEDULE, Problem.BAD_FEE_SCHEDULE, schedule);
        } else {
          json.set("fee", fee);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        error(row.line, FEE_SCHEDULE, Problem.BAD_FEE_SCHEDULE, e.getOriginalMessage());
      }
      return;
    }
    String cell = row.get(FEE);
    if (cell.isEmpty()) {
      return;
    }
    long vnd = amount(cell);
    if (vnd < 0) {
      error(row.line, FEE, Problem.BAD_NUMBER, cell);
      return;
    }
    if (vnd == 0) {
      return;
    }
    String due = Catalog.fold(row.get(FEE_DUE));
    ObjectNode fee = json.putObject("fee");
    switch (due) {
      case "", "truoc khi tra ket qua", "khi nhan ket qua", "before_result" -> fee.put("due", "BEFORE_RESULT");
      case "khi nop ho so", "nop ho so", "at_submission" -> fee.put("due", "AT_SUBMISSION");
      default -> error(row.line, FEE_DUE, Problem.BAD_FEE_DUE, row.get(FEE_DUE));
    }
    fee.putArray("items").addObject().put("name", "Phí, lệ phí").put("kind", "CHARGE").put("vnd", vnd);
  }

  /** An amount in đồng, thousands grouped or not ({@code 50.000}, {@code 50,000}, {@code 50 000}); -1 if not one. */
  static long amount(String cell) {
    String digits = cell.replaceAll("(?i)\\s*(đồng|dong|vnd|đ)$", "").replaceAll("[.,\\s]", "");
    if (!digits.matches("\\d{1,15}")) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  private void exemptions(ObjectNode json, Row row) {
    List<String> items = items(row.get(EXEMPTIONS), false);
    if (items.isEmpty()) {
      return;
    }
    ArrayNode exemptions = json.putArray("exemptions");
    for (String item : items) {
      Matcher m = CODED.matcher(item);
      if (!m.matches()) {
        error(row.line, EXEMPTIONS, Problem.BAD_EXEMPTION, item);
        continue;
      }
      exemptions.addObject().put("code", m.group(1)).put("name", m.group(2).trim());
    }
  }

  private void components(ObjectNode json, Row row) {
    List<String> items = items(row.get(COMPONENTS), false);
    if (items.isEmpty()) {
      error(row.line, COMPONENTS, Problem.REQUIRED, "");
      return;
    }
    ArrayNode components = json.putArray("components");
    int n = 0;
    for (String item : items) {
      n++;
      String name = item;
      boolean required = true;
      for (String marker : new String[] {"(không bắt buộc)", "(optional)"}) {
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(marker)) {
          name = name.substring(0, name.length() - marker.length()).trim();
          required = false;
        }
      }
      Matcher m = CODED.matcher(name);
      String code = m.matches() ? m.group(1) : "TP" + n;
      name = m.matches() ? m.group(2).trim() : name;
      ObjectNode component = components.addObject().put("code", code).put("name", name);
      if (!required) {
        component.put("required", false);
      }
    }
  }

  /**
   * {@code reception=1; appraisal=3@0.5; approval=2; resultReturn=1} (a step's warning share after {@code @}), or
   * empty: the statutory time split by
   * {@link #DEFAULT_SHARES}, every step at least one hour.
   */
  private void steps(ObjectNode json, Row row, DurationUnit unit, Long value) {
    String cell = row.get(STEPS);
    ArrayNode steps = JSON.createArrayNode();
    if (!cell.isEmpty()) {
      for (String item : cell.split("[;,\\n]")) {
        Matcher m = STEP.matcher(item.trim());
        if (!m.matches()) {
          error(row.line, STEPS, Problem.BAD_STEPS, item.trim());
          return;
        }
        ObjectNode step = steps.addObject().put("task", m.group(1)).put("workingHours", Integer.parseInt(m.group(2)));
        if (m.group(3) != null) {
          step.put("warnShare", Double.parseDouble(m.group(3)));
        }
      }
      json.set("steps", steps);
      return;
    }
    if (unit == null || value == null) {
      return;
    }
    int total = switch (unit) {
      case WORKING_DAYS, CALENDAR_DAYS -> (int) Math.min(value * 8, 100_000);
      case WORKING_HOURS -> (int) Math.min(value, 100_000);
      case SAME_DAY -> 8;
    };
    List<String> tasks = CatalogLoader.STANDARD_TASKS;
    if (total < tasks.size()) {
      error(row.line, STEPS, Problem.STEPS_REQUIRED, String.valueOf(total));
      return;
    }
    int[] hours = new int[tasks.size()];
    int shares = java.util.Arrays.stream(DEFAULT_SHARES).sum();
    int given = 0;
    for (int i = 0; i < hours.length; i++) {
      hours[i] = Math.max(1, total * DEFAULT_SHARES[i % DEFAULT_SHARES.length] / shares);
      given += hours[i];
    }
    // The rest, or the excess, goes to the longest step (appraisal), which stays at least one hour.
    int longest = 1 % hours.length;
    hours[longest] += total - given;
    for (int i = 0; i < hours.length; i++) {
      steps.addObject().put("task", tasks.get(i)).put("workingHours", hours[i]);
    }
    json.set("steps", steps);
  }

  private DurationUnit unit(Row row) {
    String unit = Catalog.fold(row.get(DURATION_UNIT));
    DurationUnit parsed = unit(unit);
    if (parsed == null) {
      error(row.line, DURATION_UNIT, unit.isEmpty() ? Problem.REQUIRED : Problem.BAD_UNIT, row.get(DURATION_UNIT));
    }
    return parsed;
  }

  private static DurationUnit unit(String text) {
    return switch (Catalog.fold(text)) {
      case "ngay lam viec", "working_days" -> DurationUnit.WORKING_DAYS;
      case "gio lam viec", "gio", "working_hours" -> DurationUnit.WORKING_HOURS;
      case "ngay", "ngay duong lich", "ngay lich", "calendar_days" -> DurationUnit.CALENDAR_DAYS;
      case "trong ngay", "same_day" -> DurationUnit.SAME_DAY;
      default -> null;
    };
  }

  private Long number(Row row, CatalogImportColumn column, boolean required) {
    String cell = row.get(column);
    if (cell.isEmpty()) {
      if (required) {
        error(row.line, column, Problem.REQUIRED, "");
      }
      return null;
    }
    if (!cell.matches("\\d{1,6}")) {
      error(row.line, column, Problem.BAD_NUMBER, cell);
      return null;
    }
    return Long.parseLong(cell);
  }

  private void text(ObjectNode json, String field, Row row, CatalogImportColumn column, boolean required) {
    String value = row.get(column);
    if (!value.isEmpty()) {
      json.put(field, value);
    } else if (required) {
      error(row.line, column, Problem.REQUIRED, "");
    }
  }

  private static Boolean yesNo(String cell) {
    return switch (Catalog.fold(cell)) {
      case "co", "x", "true", "yes" -> Boolean.TRUE;
      case "khong", "false", "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** Items one a line, or separated by {@code ;} when the cell has a single line (and {@code semicolons} allows). */
  private static List<String> items(String cell, boolean alwaysSemicolons) {
    String[] parts = cell.contains("\n") ? cell.split("\\n") : cell.split(";");
    List<String> items = new ArrayList<>();
    for (String part : parts) {
      for (String item : alwaysSemicolons ? part.split(";") : new String[] {part}) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  /** The loader's complaint ({@code field 'cases[1].duration.value': …}) on the column and line it concerns. */
  private void loaderError(CatalogException e, List<Row> rows) {
    Matcher m = LOADER_FIELD.matcher(e.getMessage());
    boolean found = m.find();
    String path = found ? m.group(1) : "";
    String detail = found ? m.group(2) : e.getMessage();
    Row row = rows.get(0);
    Matcher inCase = Pattern.compile("^cases\\[(\\d+)]\\.(.*)$").matcher(path);
    if (inCase.matches() && Integer.parseInt(inCase.group(1)) < rows.size()) {
      row = rows.get(Integer.parseInt(inCase.group(1)));
      path = inCase.group(2);
    }
    String head = path.replaceAll("[\\[.].*$", "");
    CatalogImportColumn column = switch (head) {
      case "code" -> CODE;
      case "nationalCode" -> NATIONAL_CODE;
      case "name" -> rows.size() > 1 && inCase.matches() ? CASE_NAME : NAME;
      case "field" -> FIELD;
      case "level" -> LEVEL;
      case "agency", "offerings" -> OFFERINGS;
      case "anywhere" -> ANYWHERE;
      case "duration" -> path.endsWith("unit") ? DURATION_UNIT : DURATION;
      case "onlineDuration" -> ONLINE_DURATION;
      case "fee" -> row.get(FEE_SCHEDULE).isEmpty() ? FEE : FEE_SCHEDULE;
      case "feeNote" -> FEE_NOTE;
      case "exemptions" -> EXEMPTIONS;
      case "components" -> COMPONENTS;
      case "legalBasis" -> LEGAL_BASIS;
      case "onlineLevel" -> ONLINE_LEVEL;
      case "process" -> PROCESS;
      case "stages" -> STAGES;
      case "default" -> DEFAULT_CASE;
      case "cases" -> CASE_CODE;
      default -> STEPS;
    };
    error(row.line, column, Problem.CATALOGUE_RULE, path + ": " + detail);
  }

  private void error(int line, CatalogImportColumn column, Problem problem, String detail) {
    errors.add(new LineError(file, line, column.vietnamese, problem.name(), detail));
  }

  /** A data row with its cells by column. */
  private static final class Row {
    final int line;
    private final Map<CatalogImportColumn, String> cells = new EnumMap<>(CatalogImportColumn.class);

    Row(CatalogImportFile.Line line, Map<CatalogImportColumn, Integer> columns) {
      this.line = line.number();
      columns.forEach((column, index) -> cells.put(column, line.cell(index)));
    }

    String get(CatalogImportColumn column) {
      return cells.getOrDefault(column, "");
    }
  }
}
