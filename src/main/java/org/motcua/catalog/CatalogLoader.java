package org.motcua.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.motcua.calendar.DurationUnit;
import org.motcua.calendar.TimeLimit;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessModels;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads {@code agencies.yml} and {@code procedures.yml} from the province's configuration folder and checks every
 * field, so that a typo stops start-up with a precise message instead of surfacing later on a dossier.
 */
class CatalogLoader {

  static final String AGENCIES_FILE = "agencies.yml";
  static final String PROCEDURES_FILE = "procedures.yml";
  /** The steps of the standard process, which the import's layout budgets. */
  static final List<String> STANDARD_TASKS = ProcessContract.Tasks.BUDGETED;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ResourceLoader resources;
  private final String configDir;
  /** The agencies single entries are checked against; null for a loader of the files. */
  private final Map<String, Agency> agencies;
  /** The day offerings are resolved on: a level rule takes the agencies that exist that day. */
  private final LocalDate today;

  CatalogLoader(ResourceLoader resources, String configDir, LocalDate today) {
    this.resources = resources;
    this.configDir = configDir.endsWith("/") ? configDir : configDir + "/";
    this.agencies = null;
    this.today = today;
  }

  /** The agencies, each with its validity and successors; {@link AgencyTree} checks how they fit together. */
  Map<String, Agency> loadAgencies() {
    JsonNode root = read(AGENCIES_FILE);
    Map<String, Agency> agencies = new LinkedHashMap<>();
    for (JsonNode node : list(root, "agencies", AGENCIES_FILE)) {
      Entry e = new Entry(AGENCIES_FILE, "cơ quan", node);
      List<String> successors = new ArrayList<>();
      if (node.get("successors") != null) {
        for (JsonNode s : e.list("successors")) {
          if (!s.isValueNode() || s.asText().isBlank()) {
            throw e.fail("successors", "must be a list of agency codes");
          }
          successors.add(s.asText().trim());
        }
      }
      Agency agency = new Agency(e.text("code"), e.text("name"), e.optionalText("parent"),
          e.enumValue("level", AgencyLevel.class), date(e, "validFrom"), date(e, "validTo"), successors,
          e.optionalBoolean("dissolved", false));
      if (agencies.put(agency.code(), agency) != null) {
        throw e.fail("code", "duplicate agency code");
      }
    }
    for (Agency agency : agencies.values()) {
      checkParentChain(agency, agencies);
    }
    return agencies;
  }

  /** An optional day written {@code YYYY-MM-DD}. */
  private static LocalDate date(Entry e, String field) {
    String text = e.optionalText(field);
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException ex) {
      throw e.fail(field, "'" + text + "' is not a date YYYY-MM-DD");
    }
  }

  private static void checkParentChain(Agency agency, Map<String, Agency> agencies) {
    Set<String> seen = new HashSet<>();
    for (Agency a = agency; a.parentCode() != null; a = agencies.get(a.parentCode())) {
      if (!agencies.containsKey(a.parentCode())) {
        throw new CatalogException(AGENCIES_FILE + ": agency '" + a.code() + "': field 'parent': unknown agency '"
            + a.parentCode() + "'");
      }
      if (!seen.add(a.code())) {
        throw new CatalogException(AGENCIES_FILE + ": agency '" + agency.code() + "': field 'parent': cycle");
      }
    }
  }

  /**
   * Every version of every procedure of {@code procedures.yml}, by code, oldest first. A version without
   * {@code validTo} ends the day before the next one starts; versions of one code must not overlap.
   */
  Map<String, List<Procedure>> loadProcedures(Map<String, Agency> agencies) {
    JsonNode root = read(PROCEDURES_FILE);
    Map<String, List<Procedure>> versions = new LinkedHashMap<>();
    for (JsonNode node : list(root, "procedures", PROCEDURES_FILE)) {
      Procedure procedure = parse(new Entry(PROCEDURES_FILE, "thủ tục", node), agencies, today);
      versions.computeIfAbsent(procedure.code(), c -> new ArrayList<>()).add(procedure);
    }
    Map<String, List<Procedure>> checked = new LinkedHashMap<>();
    versions.forEach((code, list) -> checked.put(code, chain(PROCEDURES_FILE, code, list)));
    return checked;
  }

  /**
   * One procedure entry in the {@code procedures.yml} schema (cases, validity and decision included), checked
   * against the agencies this loader was made with; {@code source} names where it comes from in error messages
   * (e.g. {@code "catalogue.csv line 12"}). For the catalogue import, which builds entries from its own layout.
   *
   * @throws CatalogException naming the source, the procedure and the field
   */
  Procedure parseProcedure(JsonNode entry, String source) {
    if (agencies == null) {
      throw new IllegalStateException("a loader made for the files reads entries with loadProcedures");
    }
    if (entry == null || !entry.isObject()) {
      throw new CatalogException(source + ": a procedure entry must be a mapping");
    }
    return parse(new Entry(source, "thủ tục", entry), agencies, today);
  }

  /** A loader that parses single entries against these agencies (see {@link #parseProcedure}). */
  CatalogLoader(java.util.Collection<Agency> agencies, LocalDate today) {
    this.resources = null;
    this.configDir = "";
    this.today = today;
    Map<String, Agency> byCode = new LinkedHashMap<>();
    agencies.forEach(a -> byCode.put(a.code(), a));
    this.agencies = Map.copyOf(byCode);
  }

  private static Procedure parse(Entry e, Map<String, Agency> agencies, LocalDate today) {
    List<Offering> offerings = offerings(e, agencies, today);
    TimeLimit duration = timeLimit(e, "duration");
    TimeLimit onlineDuration = e.node().get("onlineDuration") == null ? null : timeLimit(e, "onlineDuration");
    OnlineLevel onlineLevel = e.enumValue("onlineLevel", OnlineLevel.class);
    FeeSchedule fee = fee(e);
    String feeNote = e.optionalText("feeNote");
    String process = e.text("process");
    List<Procedure.Component> components = components(e);
    List<Procedure.Step> steps = steps(e);
    List<Procedure.Stage> stages = stages(e, agencies, today);
    checkModel(process, steps, stages, e);
    checkStepBudgets(duration, steps, stages, e);
    LocalDate validFrom = e.optionalDate("validFrom");
    LocalDate validTo = e.optionalDate("validTo");
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      throw e.fail("validTo", validTo + " is before validFrom " + validFrom);
    }
    Procedure.Case inherited = new Procedure.Case(Procedure.DEFAULT_CASE, e.text("name"), duration, onlineDuration,
        fee, feeNote, components, onlineLevel, process, steps, true, null, null, stages, consultations(e, agencies));
    return new Procedure(
        e.text("code"),
        e.text("nationalCode"),
        e.text("name"),
        e.text("field"),
        e.enumValue("level", AgencyLevel.class),
        offerings.get(0).agencyCode(),
        duration,
        onlineLevel,
        fee,
        feeNote,
        e.optionalText("legalBasis"),
        process,
        components,
        steps,
        exemptions(e),
        offerings,
        e.optionalBoolean("anywhere", false),
        validFrom,
        validTo,
        decision(e),
        e.node().get("cases") == null ? List.of(inherited) : cases(e, inherited, agencies, today));
  }

  /** The fields a case may give; any other is a typo, which would otherwise silently inherit. */
  private static final Set<String> CASE_FIELDS = Set.of("code", "name", "duration", "onlineDuration", "fee",
      "feeNote", "components", "onlineLevel", "process", "steps", "stages", "default", "validFrom", "validTo",
      "consultations");

  /**
   * The cases (trường hợp): each its own code and name; every other value inherited from the procedure when absent
   * ({@code fee: none} makes a case free under a procedure that charges one). Step budgets are checked against the
   * case's own duration, so a case with another duration gives its own steps.
   */
  private static List<Procedure.Case> cases(Entry e, Procedure.Case base, Map<String, Agency> agencies,
      LocalDate today) {
    List<Procedure.Case> cases = new ArrayList<>();
    int i = 0;
    for (JsonNode node : e.list("cases")) {
      Entry c = e.element("cases", i++, node);
      if (!node.isObject()) {
        throw c.fail("code", "a case must be a mapping");
      }
      node.fieldNames().forEachRemaining(field -> {
        if (!CASE_FIELDS.contains(field)) {
          throw c.fail(field, "unknown case field (known: " + new java.util.TreeSet<>(CASE_FIELDS) + ")");
        }
      });
      String code = c.text("code");
      if (cases.stream().anyMatch(x -> x.code().equals(code))) {
        throw c.fail("code", "duplicate case code '" + code + "'");
      }
      TimeLimit duration = node.get("duration") == null ? base.duration() : timeLimit(c, "duration");
      TimeLimit onlineDuration = node.get("onlineDuration") == null ? base.onlineDuration()
          : timeLimit(c, "onlineDuration");
      List<Procedure.Step> steps = node.get("steps") == null ? base.steps() : steps(c);
      List<Procedure.Stage> stages = node.get("stages") == null ? base.stages() : stages(c, agencies, today);
      String process = node.get("process") == null ? base.processKey() : c.text("process");
      checkModel(process, steps, stages, c);
      checkStepBudgets(duration, steps, stages, c);
      FeeSchedule fee = node.get("fee") == null ? base.fee()
          : "none".equals(node.get("fee").asText()) ? FeeSchedule.NONE : fee(c);
      LocalDate validFrom = c.optionalDate("validFrom");
      LocalDate validTo = c.optionalDate("validTo");
      if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
        throw c.fail("validTo", validTo + " is before validFrom " + validFrom);
      }
      cases.add(new Procedure.Case(code, c.text("name"), duration, onlineDuration, fee,
          node.get("feeNote") == null ? base.feeNote() : c.text("feeNote"),
          node.get("components") == null ? base.components() : components(c),
          node.get("onlineLevel") == null ? base.onlineLevel() : c.enumValue("onlineLevel", OnlineLevel.class),
          process, steps, c.optionalBoolean("default", false), validFrom, validTo, stages,
          node.get("consultations") == null ? base.consultations() : consultations(c, agencies)));
    }
    if (cases.stream().filter(Procedure.Case::byDefault).count() > 1) {
      throw e.fail("cases", "at most one case may be the default");
    }
    return List.copyOf(cases);
  }

  private static Procedure.Decision decision(Entry e) {
    if (e.node().get("decision") == null) {
      return null;
    }
    Entry d = e.child("decision");
    LocalDate date = d.optionalDate("date");
    if (date == null) {
      throw d.fail("date", "missing");
    }
    return new Procedure.Decision(d.text("number"), date);
  }

  /**
   * The versions of one code in order: only the first may omit {@code validFrom}; one without {@code validTo} ends
   * the day before the next starts; an explicit end on or after the next start is an overlap.
   */
  static List<Procedure> chain(String source, String code, List<Procedure> versions) {
    List<Procedure> sorted = new ArrayList<>(versions);
    sorted.sort(java.util.Comparator.comparing(p -> p.validFrom() == null ? LocalDate.MIN : p.validFrom()));
    String where = source + ": thủ tục '" + code + "': field 'validFrom': ";
    List<Procedure> chained = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Procedure p = sorted.get(i);
      if (i + 1 < sorted.size()) {
        Procedure next = sorted.get(i + 1);
        if (next.validFrom() == null) {
          throw new CatalogException(where + "only the first version may omit it (" + sorted.size() + " versions)");
        }
        if (p.validTo() == null && !next.validFrom().equals(p.validFrom())) {
          p = p.withValidity(p.validFrom(), next.validFrom().minusDays(1));
        } else if (p.validTo() == null || !p.validTo().isBefore(next.validFrom())) {
          throw new CatalogException(where + "version from " + next.validFrom() + " overlaps the version from "
              + (p.validFrom() == null ? "the start" : p.validFrom()) + " to "
              + (p.validTo() == null ? "(open)" : p.validTo()));
        }
      }
      chained.add(p);
    }
    return List.copyOf(chained);
  }

  /**
   * Who receives the procedure: either {@code agency} (its one competent agency) or {@code offerings}, a list whose
   * entries name an {@code agency}, or every agency of a {@code level} {@code under} a parent (e.g. every commune of
   * the province), each with an optional localized {@code code}. An agency named explicitly overrides the same agency
   * reached by a level rule (its localized code); naming one twice explicitly is an error. A level rule lists its
   * agencies by code, so the first offering (the procedure's {@code agencyCode}) does not depend on map order.
   * Only agencies that exist today offer anything: a level rule skips abolished (and future) ones, and naming one is
   * an error that points to its successors.
   */
  private static List<Offering> offerings(Entry e, Map<String, Agency> agencies, LocalDate today) {
    boolean single = e.node().get("agency") != null;
    if (single == (e.node().get("offerings") != null)) {
      throw e.fail("agency", "give either 'agency' or 'offerings'");
    }
    String code = e.text("code");
    if (single) {
      return List.of(new Offering(currentAgency(e, "agency", agencies, today), code));
    }
    Map<String, Offering> byRule = new LinkedHashMap<>();
    Map<String, Offering> explicit = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode node : e.list("offerings")) {
      Entry o = e.element("offerings", i++, node);
      String localized = o.node().get("code") == null ? code : o.text("code");
      LocalDate from = o.optionalDate("validFrom");
      LocalDate to = o.optionalDate("validTo");
      if (from != null && to != null && to.isBefore(from)) {
        throw o.fail("validTo", to + " is before validFrom " + from);
      }
      boolean named = o.node().get("agency") != null;
      if (named == (o.node().get("level") != null || o.node().get("under") != null)) {
        throw o.fail("agency", "give either 'agency' or 'level' with 'under'");
      }
      if (named) {
        String agency = currentAgency(o, "agency", agencies, today);
        if (explicit.put(agency, new Offering(agency, localized, from, to)) != null) {
          throw o.fail("agency", "agency '" + agency + "' offers the procedure twice");
        }
        continue;
      }
      AgencyLevel level = o.enumValue("level", AgencyLevel.class);
      String under = knownAgency(o, "under", agencies);
      List<Agency> matched = agencies.values().stream()
          .filter(a -> a.level() == level && a.isValidOn(today) && !a.code().equals(under)
              && isBelow(a, under, agencies))
          .sorted(java.util.Comparator.comparing(Agency::code)).toList();
      if (matched.isEmpty()) {
        throw o.fail("level", "no " + level + " agency under '" + under + "' exists on " + today);
      }
      matched.forEach(a -> byRule.putIfAbsent(a.code(), new Offering(a.code(), localized, from, to)));
    }
    Map<String, Offering> all = new LinkedHashMap<>(byRule);
    all.putAll(explicit);
    return List.copyOf(all.values());
  }

  /** The agency code the field names, which must be in the agencies file. */
  private static String knownAgency(Entry e, String field, Map<String, Agency> agencies) {
    String agency = e.text(field);
    if (!agencies.containsKey(agency)) {
      throw e.fail(field, "unknown agency '" + agency + "' (see " + AGENCIES_FILE + ")");
    }
    return agency;
  }

  /** A known agency that exists today: offerings are today's (the one that received a dossier stays on it). */
  private static String currentAgency(Entry e, String field, Map<String, Agency> agencies, LocalDate today) {
    Agency agency = agencies.get(knownAgency(e, field, agencies));
    if (!agency.isValidOn(today)) {
      throw e.fail(field, "agency '" + agency.code() + "' does not exist on " + today + " (valid "
          + (agency.validFrom() == null ? "" : agency.validFrom()) + "–" + (agency.validTo() == null ? ""
          : agency.validTo()) + (agency.successors().isEmpty() ? "" : ", successors " + agency.successors()) + ")");
    }
    return agency.code();
  }

  private static boolean isBelow(Agency agency, String ancestor, Map<String, Agency> agencies) {
    for (Agency a = agency; a.parentCode() != null; a = agencies.get(a.parentCode())) {
      if (a.parentCode().equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  private static TimeLimit timeLimit(Entry e, String field) {
    Entry duration = e.child(field);
    DurationUnit unit = duration.enumValue("unit", DurationUnit.class);
    int value = (int) duration.nonNegativeLong("value");
    if (unit != DurationUnit.SAME_DAY && value == 0) {
      throw e.fail(field + ".value", "must be positive for " + unit);
    }
    return new TimeLimit(value, unit);
  }

  private static List<Procedure.Component> components(Entry e) {
    List<Procedure.Component> components = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    int i = 0;
    for (JsonNode node : e.list("components")) {
      Entry c = e.element("components", i++, node);
      Procedure.Component component = new Procedure.Component(c.text("code"), c.text("name"),
          c.optionalBoolean("required", true));
      if (!codes.add(component.code())) {
        throw c.fail("code", "duplicate component code '" + component.code() + "'");
      }
      components.add(component);
    }
    return List.copyOf(components);
  }

  /** Optional: no {@code fee} block means the procedure is free of charge. */
  private static FeeSchedule fee(Entry e) {
    if (e.node().get("fee") == null) {
      return FeeSchedule.NONE;
    }
    Entry fee = e.child("fee");
    FeeSchedule.Due due = fee.node().get("due") == null ? FeeSchedule.Due.BEFORE_RESULT
        : fee.enumValue("due", FeeSchedule.Due.class);
    List<FeeSchedule.Quantity> quantities = new ArrayList<>();
    if (fee.node().get("quantities") != null) {
      int i = 0;
      for (JsonNode node : fee.list("quantities")) {
        Entry q = fee.element("quantities", i++, node);
        int min = (int) q.nonNegativeLong("min");
        int max = (int) q.nonNegativeLong("max");
        int standard = (int) q.nonNegativeLong("default");
        if (max < min || standard < min || standard > max) {
          throw q.fail("default", "must satisfy min <= default <= max");
        }
        String code = q.text("code");
        if (quantities.stream().anyMatch(x -> x.code().equals(code))) {
          throw q.fail("code", "duplicate quantity code '" + code + "'");
        }
        quantities.add(new FeeSchedule.Quantity(code, q.text("name"), q.text("unit"), standard, min, max));
      }
    }
    List<FeeSchedule.Item> items = new ArrayList<>();
    int i = 0;
    for (JsonNode node : fee.list("items")) {
      items.add(feeItem(fee.element("items", i++, node), quantities));
    }
    return new FeeSchedule(due, List.copyOf(quantities), List.copyOf(items));
  }

  private static FeeSchedule.Item feeItem(Entry item, List<FeeSchedule.Quantity> quantities) {
    String per = quantityRef(item, "per", quantities);
    String times = quantityRef(item, "times", quantities);
    boolean fixed = item.node().get("vnd") != null;
    if (fixed == (item.node().get("tiers") != null)) {
      throw item.fail("vnd", "give either a fixed 'vnd' or 'tiers' by unit");
    }
    List<FeeSchedule.Tier> tiers = new ArrayList<>();
    if (fixed) {
      tiers.add(new FeeSchedule.Tier(1, item.nonNegativeLong("vnd")));
    } else {
      if (per == null) {
        throw item.fail("per", "tiers need the quantity they count ('per')");
      }
      int i = 0;
      for (JsonNode node : item.list("tiers")) {
        Entry t = item.element("tiers", i, node);
        int from = (int) t.nonNegativeLong("from");
        if (i == 0 ? from != 1 : from <= tiers.get(i - 1).from()) {
          throw t.fail("from", i == 0 ? "the first tier starts at unit 1" : "tiers must start at increasing units");
        }
        tiers.add(new FeeSchedule.Tier(from, t.nonNegativeLong("vnd")));
        i++;
      }
    }
    Long cap = item.node().get("cap") == null ? null : item.nonNegativeLong("cap");
    return new FeeSchedule.Item(item.text("name"), item.enumValue("kind", FeeSchedule.Kind.class), per,
        List.copyOf(tiers), cap, times);
  }

  private static String quantityRef(Entry item, String field, List<FeeSchedule.Quantity> quantities) {
    String code = item.optionalText(field);
    if (code != null && quantities.stream().noneMatch(q -> q.code().equals(code))) {
      throw item.fail(field, "unknown quantity '" + code + "' (declare it under fee.quantities)");
    }
    return code;
  }

  /** Optional: the grounds on which the fee may be waived. */
  private static List<Procedure.Exemption> exemptions(Entry e) {
    if (e.node().get("exemptions") == null) {
      return List.of();
    }
    List<Procedure.Exemption> exemptions = new ArrayList<>();
    int i = 0;
    for (JsonNode node : e.list("exemptions")) {
      Entry x = e.element("exemptions", i++, node);
      exemptions.add(new Procedure.Exemption(x.text("code"), x.text("name")));
    }
    return List.copyOf(exemptions);
  }

  /**
   * Optional: the agencies asked for an opinion in parallel (xin ý kiến, model {@code dossier-consultation}), each
   * with its working hours to answer: {@code consultations: [{agency: 000.00.15.H13, hours: 40}]}. The agency must
   * be in the agencies file, once each.
   */
  private static List<Procedure.Consultation> consultations(Entry e, Map<String, Agency> agencies) {
    if (e.node().get("consultations") == null) {
      return List.of();
    }
    List<Procedure.Consultation> consultations = new ArrayList<>();
    int i = 0;
    for (JsonNode node : e.list("consultations")) {
      Entry c = e.element("consultations", i++, node);
      String agency = knownAgency(c, "agency", agencies);
      if (consultations.stream().anyMatch(x -> x.agencyCode().equals(agency))) {
        throw c.fail("agency", "agency '" + agency + "' is consulted twice");
      }
      int hours = (int) c.nonNegativeLong("hours");
      if (hours == 0) {
        throw c.fail("hours", "must be at least 1");
      }
      consultations.add(new Procedure.Consultation(agency, hours));
    }
    return List.copyOf(consultations);
  }

  private static List<Procedure.Step> steps(Entry e) {
    List<Procedure.Step> steps = new ArrayList<>();
    int i = 0;
    for (JsonNode node : e.list("steps")) {
      Entry s = e.element("steps", i++, node);
      int hours = (int) s.nonNegativeLong("workingHours");
      if (hours == 0) {
        throw s.fail("workingHours", "must be at least 1");
      }
      String task = s.text("task");
      if (steps.stream().anyMatch(step -> step.task().equals(task))) {
        throw s.fail("task", "step '" + task + "' is budgeted twice");
      }
      steps.add(new Procedure.Step(task, hours, s.optionalShare("warnShare")));
    }
    return List.copyOf(steps);
  }

  /**
   * The stages of an inter-agency procedure (liên thông), in order: {@code {agency, name, obligation, steps}}.
   * Each agency must exist today, like an offering's.
   */
  private static List<Procedure.Stage> stages(Entry e, Map<String, Agency> agencies, LocalDate today) {
    if (e.node().get("stages") == null) {
      return List.of();
    }
    List<Procedure.Stage> stages = new ArrayList<>();
    int i = 0;
    for (JsonNode node : e.list("stages")) {
      Entry s = e.element("stages", i++, node);
      if (!node.isObject()) {
        throw s.fail("agency", "a stage must be a mapping");
      }
      stages.add(new Procedure.Stage(currentAgency(s, "agency", agencies, today), s.text("name"), steps(s),
          s.optionalBoolean("obligation", false)));
    }
    return List.copyOf(stages);
  }

  /**
   * The process must be a model of {@code bpmn/}, and the steps (and each stage's steps) exactly the ones it
   * budgets: a step the model lacks would never be used, a missing one would leave a task without a due date.
   */
  private static void checkModel(String process, List<Procedure.Step> steps, List<Procedure.Stage> stages, Entry e) {
    ProcessModels models = ProcessModels.shipped();
    ProcessModels.Model model = models.model(process).orElseThrow(() -> e.fail("process",
        "no model '" + process + "' in bpmn/ (models: " + models.keys() + ")"));
    checkSteps(model, model.steps(), steps, e);
    if (model.hasStages() && stages.isEmpty()) {
      throw e.fail("stages", "the model " + model.file() + " passes the dossier through stages of agencies: list "
          + "them, each with its steps " + model.stageSteps());
    }
    if (!model.hasStages() && !stages.isEmpty()) {
      throw e.fail("stages", "the model " + model.file() + " has no stages (a model with stages has a sub-process '"
          + ProcessContract.Stages.SCOPE + "')");
    }
    for (int i = 0; i < stages.size(); i++) {
      checkSteps(model, model.stageSteps(), stages.get(i).steps(), e.element("stages", i, e.node()));
    }
  }

  private static void checkSteps(ProcessModels.Model model, Set<String> expected, List<Procedure.Step> steps,
      Entry e) {
    Set<String> given = new java.util.TreeSet<>(steps.stream().map(Procedure.Step::task).toList());
    Set<String> unknown = new java.util.TreeSet<>(given);
    unknown.removeAll(expected);
    if (!unknown.isEmpty()) {
      throw e.fail("steps", "the model " + model.file() + " has no step " + unknown + " (its steps: "
          + new java.util.TreeSet<>(expected) + ")");
    }
    Set<String> missing = new java.util.TreeSet<>(expected);
    missing.removeAll(given);
    if (!missing.isEmpty()) {
      throw e.fail("steps", "must budget the step(s) " + missing + " of the model " + model.file());
    }
  }

  /**
   * The internal steps, the stages' included, must add up to the statutory limit (or fit within it where the limit
   * is not in working time).
   */
  private static void checkStepBudgets(TimeLimit duration, List<Procedure.Step> steps, List<Procedure.Stage> stages,
      Entry e) {
    int total = steps.stream().mapToInt(Procedure.Step::workingHours).sum()
        + stages.stream().mapToInt(Procedure.Stage::workingHours).sum();
    int limit = switch (duration.unit()) {
      case WORKING_DAYS, CALENDAR_DAYS -> duration.value() * 8;
      case WORKING_HOURS -> duration.value();
      case SAME_DAY -> 8;
    };
    boolean exact = duration.unit() == DurationUnit.WORKING_DAYS || duration.unit() == DurationUnit.WORKING_HOURS;
    if (exact ? total != limit : total > limit) {
      throw e.fail("steps", "working hours add up to " + total + ", " + (exact ? "expected " : "more than ") + limit
          + " for " + duration.value() + " " + duration.unit());
    }
  }

  private JsonNode read(String file) {
    Resource resource = resources.getResource(configDir + file);
    try (InputStream in = resource.getInputStream()) {
      JsonNode root = YAML.readTree(in);
      if (root == null || !root.isObject()) {
        throw new CatalogException(file + ": empty or not a YAML mapping (" + resource.getDescription() + ")");
      }
      return root;
    } catch (IOException ex) {
      throw new CatalogException(file + ": cannot read " + resource.getDescription() + ": " + ex.getMessage(), ex);
    }
  }

  private static Iterable<JsonNode> list(JsonNode root, String field, String file) {
    JsonNode list = root.get(field);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new CatalogException(file + ": field '" + field + "' must be a non-empty list");
    }
    return list;
  }

  /** One entry of a catalog file, with error messages that say where it is. */
  private record Entry(String file, String kind, JsonNode node, String path, Function<String, String> where) {

    Entry(String file, String kind, JsonNode node) {
      this(file, kind, node, "", null);
    }

    private String label() {
      if (where != null) {
        return where.apply(path);
      }
      JsonNode code = node.get("code");
      return kind + " '" + (code == null ? "?" : code.asText()) + "'";
    }

    CatalogException fail(String field, String problem) {
      return new CatalogException(file + ": " + label() + ": field '" + path + field + "': " + problem);
    }

    Entry child(String field) {
      JsonNode child = node.get(field);
      if (child == null || !child.isObject()) {
        throw fail(field, "missing or not a mapping");
      }
      String owner = label();
      return new Entry(file, kind, child, path + field + ".", p -> owner);
    }

    Entry element(String field, int index, JsonNode child) {
      String owner = label();
      return new Entry(file, kind, child, path + field + "[" + index + "].", p -> owner);
    }

    Iterable<JsonNode> list(String field) {
      JsonNode list = node.get(field);
      if (list == null || !list.isArray() || list.isEmpty()) {
        throw fail(field, "missing or empty list");
      }
      return list;
    }

    String text(String field) {
      String value = optionalText(field);
      if (value == null) {
        throw fail(field, "missing");
      }
      return value;
    }

    String optionalText(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isValueNode() || value.asText().isBlank()) {
        throw fail(field, "must be a non-empty text");
      }
      return value.asText().trim();
    }

    boolean optionalBoolean(String field, boolean absent) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return absent;
      }
      if (!value.isBoolean()) {
        throw fail(field, "must be true or false");
      }
      return value.asBoolean();
    }

    /** A share strictly between 0 and 1 (e.g. {@code 0.5}), or null when absent. */
    Double optionalShare(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isNumber() || !(value.asDouble() > 0 && value.asDouble() < 1)) {
        throw fail(field, "must be a number between 0 and 1 (both excluded), e.g. 0.5");
      }
      return value.asDouble();
    }

    long nonNegativeLong(String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
        throw fail(field, "missing or not a whole number");
      }
      if (value.asLong() < 0) {
        throw fail(field, "must not be negative");
      }
      return value.asLong();
    }

    LocalDate optionalDate(String field) {
      String value = optionalText(field);
      if (value == null) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (java.time.format.DateTimeParseException ex) {
        throw fail(field, "'" + value + "' is not a date YYYY-MM-DD");
      }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
      String value = text(field);
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException ex) {
        throw fail(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
      }
    }
  }
}
