package org.motcua.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.catalog.Agency;
import org.motcua.catalog.AgencyLevel;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.common.Problems;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.dossier.StepReports;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The indicators supervisors read; a supervisor sees their own agency and everything below it. */
@Service
public class ReportService implements UseCase {

  /** A series longer than this is a mistake rather than a report (ten years of months). */
  private static final int MAX_PERIODS = 120;

  private final AggregateQuery summaries;
  private final Catalog catalog;
  private final Clock clock;
  private final Problems problems;
  private final RegisterQuery register;
  private final ReportScopes scopes;
  private final StepReports steps;

  ReportService(AggregateQuery summaries, Catalog catalog, Clock clock, Problems problems, RegisterQuery register,
      ReportScopes scopes, StepReports steps) {
    this.steps = steps;
    this.register = register;
    this.summaries = summaries;
    this.catalog = catalog;
    this.clock = clock;
    this.problems = problems;
    this.scopes = scopes;
  }

  /** Reading the indicators, their breakdowns or the register for a period and an agency subtree. */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(ReportRefusal.INVALID_PERIOD, ReportRefusal.UNKNOWN_AGENCY, ReportRefusal.REPORT_SCOPE_DENIED,
        ReportRefusal.UNKNOWN_DIMENSION, ReportRefusal.PERIOD_TOO_LONG, ReportRefusal.AGENCY_NOT_CURRENT,
        ReportRefusal.UNKNOWN_STRUCTURE);
  }

  /** As received (see {@link Structure}). */
  public Summary summary(MotcuaUser user, LocalDate from, LocalDate to, String agency) {
    return summary(user, from, to, agency, Structure.RECEIVED);
  }

  @Transactional(readOnly = true)
  public Summary summary(MotcuaUser user, LocalDate from, LocalDate to, String agency, Structure structure) {
    checkPeriod(from, to);
    ReportScope scope = scopes.resolve(user, agency, structure);
    Summary summary = summaries.summarize(from, to, scope, judgedAt(to));
    return summary.withProceduresWithOnlinePaymentRate(proceduresWithOnlinePayment(from, to, scope))
        .withLateCausedBy(lateCausedBy(from, to, scope));
  }

  /**
   * Trễ hạn do cơ quan này: dossiers finished late in the period with a step that overran in the scope's subtree (by
   * the path of the step's agency, whoever received the dossier).
   */
  private long lateCausedBy(LocalDate from, LocalDate to, ReportScope scope) {
    return lateCauses(from, to, scope).stream().map(StepReports.LateCause::dossierId).distinct().count();
  }

  private List<StepReports.LateCause> lateCauses(LocalDate from, LocalDate to, ReportScope scope) {
    return steps.lateCauses(from.atStartOfDay(), to.plusDays(1).atStartOfDay(), scope.patterns());
  }

  /**
   * Decision 766 §3.6: procedures with at least one online payment in the period ÷ procedures with a fee, among the
   * catalog's procedures offered by one of the scope's agencies (offerings are today's agencies: for an abolished
   * scope, the ones carrying its work).
   */
  private Double proceduresWithOnlinePayment(LocalDate from, LocalDate to, ReportScope scope) {
    String within = scope.agency() == null ? null
        : catalog.currentAgency(scope.agency()).map(org.motcua.catalog.Agency::code).orElse(scope.agency());
    // The scope's agencies once, not a path walk per offering (2,000 procedures × 100 communes at a province's scale).
    java.util.Set<String> agencies = within == null ? null : catalog.agencies().stream()
        .map(org.motcua.catalog.Agency::code).filter(code -> catalog.isWithin(code, within))
        .collect(java.util.stream.Collectors.toSet());
    long withFee = catalog.procedures().stream()
        // A procedure has a fee when any of its cases does (a late birth registration, not the on-time one).
        .filter(p -> p.cases().stream().anyMatch(c -> c.feeVnd() > 0) && (agencies == null
            || p.offerings().stream().anyMatch(o -> agencies.contains(o.agencyCode()))))
        .count();
    return Tally.rate(summaries.proceduresPaidOnline(from, to, scope), withFee);
  }

  /** As received (see {@link Structure}). */
  public Breakdown breakdown(MotcuaUser user, LocalDate from, LocalDate to, String agency, String by) {
    return breakdown(user, from, to, agency, by, Structure.RECEIVED);
  }

  /**
   * The summary's fields per group. Agencies roll up to the units directly under the scope (a province's row
   * includes its communes), by the path each dossier was received under, in the chosen structure
   * ({@link ReportScopes#unitKey}); the scope's own dossiers get its own row.
   */
  @Transactional(readOnly = true)
  public Breakdown breakdown(MotcuaUser user, LocalDate from, LocalDate to, String agency, String by,
      Structure structure) {
    checkPeriod(from, to);
    Dimension dimension = Dimension.parse(by).orElseThrow(() -> ReportRefusal.UNKNOWN_DIMENSION.exception(by));
    ReportScope scope = scopes.resolve(user, agency, structure);
    Summary total = summaries.summarize(from, to, scope, judgedAt(to)).withLateCausedBy(lateCausedBy(from, to, scope));
    List<Breakdown.Row> rows = new ArrayList<>();
    if (dimension.isSeries()) {
      // One summary per calendar month, quarter or year; the first and last clipped to the period.
      int step = dimension.months();
      YearMonth first = YearMonth.from(from).minusMonths((from.getMonthValue() - 1) % step);
      long periods = ChronoUnit.MONTHS.between(first, YearMonth.from(to)) / step + 1;
      if (periods > MAX_PERIODS) {
        throw ReportRefusal.PERIOD_TOO_LONG.exception(from, to, MAX_PERIODS * step * 31);
      }
      for (YearMonth m = first; !m.isAfter(YearMonth.from(to)); m = m.plusMonths(step)) {
        LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
        LocalDate periodEnd = m.plusMonths(step - 1).atEndOfMonth();
        LocalDate end = periodEnd.isAfter(to) ? to : periodEnd;
        rows.add(Breakdown.Row.of(seriesKey(dimension, m), seriesLabel(dimension, m),
            summaries.summarize(start, end, scope, judgedAt(end)).withLateCausedBy(lateCausedBy(start, end, scope))));
      }
      return new Breakdown(from, to, scope.agency(), dimension.param(), structure, rows, total);
    }
    Map<String, Tally> tallies = summaries.tally(from, to, scope, judgedAt(to), dimension.column());
    Map<String, Tally> grouped = new LinkedHashMap<>();
    tallies.forEach((key, tally) -> grouped.merge(groupKey(dimension, key, scope), tally, Tally::plus));
    // By agency: the dossiers each unit's steps made late, counted once per unit; a unit whose steps made another
    // agency's dossiers late has a row even without dossiers of its own.
    Map<String, Set<Long>> causedBy = new LinkedHashMap<>();
    if (dimension == Dimension.AGENCY) {
      lateCauses(from, to, scope).forEach(c -> causedBy.computeIfAbsent(scopes.unitKey(c.agencyPath(), scope),
          k -> new java.util.HashSet<>()).add(c.dossierId()));
      causedBy.keySet().forEach(key -> grouped.putIfAbsent(key, Tally.ZERO));
    }
    grouped.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty() || causedBy.containsKey(e.getKey()))
        .sorted(Map.Entry.comparingByKey(dimension == Dimension.LEVEL
            ? Comparator.comparing(ReportService::levelOrder) : Comparator.naturalOrder()))
        .forEach(e -> {
          Summary row = e.getValue().toSummary(from, to, scope.agency());
          rows.add(Breakdown.Row.of(e.getKey(), label(dimension, e.getKey()), dimension == Dimension.AGENCY
              ? row.withLateCausedBy((long) causedBy.getOrDefault(e.getKey(), Set.of()).size()) : row));
        });
    return new Breakdown(from, to, scope.agency(), dimension.param(), structure, rows, total);
  }

  /** The dossier register (sổ theo dõi hồ sơ) of a period, paged (at most 500 a page). */
  @Transactional(readOnly = true)
  public Register register(MotcuaUser user, LocalDate from, LocalDate to, String agency, int page, int size,
      Structure structure) {
    checkPeriod(from, to);
    return register.page(from, to, scopes.resolve(user, agency, structure), Math.max(page, 0),
        Math.min(Math.max(size, 1), 500));
  }

  public Register register(MotcuaUser user, LocalDate from, LocalDate to, String agency, int page, int size) {
    return register(user, from, to, agency, page, size, Structure.RECEIVED);
  }

  /** Every line of the register, streamed to the consumer inside one read-only transaction. */
  @Transactional(readOnly = true)
  public void register(MotcuaUser user, LocalDate from, LocalDate to, String agency, Structure structure,
      java.util.function.Consumer<Register.Entry> consumer) {
    checkPeriod(from, to);
    register.each(from, to, scopes.resolve(user, agency, structure), consumer);
  }

  /** The most steps an answer of {@link #overrunning} lists. */
  public static final int OVERRUNNING_MAX = 500;

  /**
   * Steps overrunning now in an agency subtree (the supervisor's own by default), by the step's agency: what a
   * supervisor chases today. Same ownership as the other reports: a supervisor reads their subtree only.
   */
  @Transactional(readOnly = true)
  public OverrunningSteps overrunning(MotcuaUser user, String agency) {
    ReportScope scope = scopes.resolve(user, agency, Structure.RECEIVED);
    LocalDateTime now = LocalDateTime.now(clock);
    List<StepReports.OverrunningStep> found = steps.overrunning(now, scope.patterns(), OVERRUNNING_MAX);
    Map<String, Long> counts = new LinkedHashMap<>();
    found.forEach(s -> counts.merge(s.agencyCode() == null ? "" : s.agencyCode(), 1L, Long::sum));
    List<OverrunningSteps.AgencyCount> byAgency = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new OverrunningSteps.AgencyCount(e.getKey(),
            catalog.agency(e.getKey()).map(Agency::name).orElse(e.getKey()), e.getValue()))
        .toList();
    return new OverrunningSteps(now, scope.agency(), byAgency, found);
  }

  /** The agencies this user may choose as a report's scope in this view. */
  public List<Agency> pickableAgencies(MotcuaUser user, Structure structure) {
    return scopes.pickable(user, structure);
  }

  /** The instant unfinished dossiers are judged at: the period's end, or now if the period has not ended. */
  private LocalDateTime judgedAt(LocalDate to) {
    LocalDateTime periodEnd = to.plusDays(1).atStartOfDay();
    LocalDateTime now = LocalDateTime.now(clock);
    return now.isBefore(periodEnd) ? now : periodEnd;
  }

  /** Month "2025-01", quarter "2025-Q1", year "2025". */
  private static String seriesKey(Dimension dimension, YearMonth start) {
    return switch (dimension) {
      case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(start.getYear());
      default -> start.toString();
    };
  }

  private String seriesLabel(Dimension dimension, YearMonth start) {
    return switch (dimension) {
      case QUARTER -> problems.message("report.quarter", (start.getMonthValue() - 1) / 3 + 1,
          Integer.toString(start.getYear()));
      case YEAR -> problems.message("report.year", Integer.toString(start.getYear()));
      default -> start.toString();
    };
  }

  /** Province, district, commune (AgencyLevel's order); an agency missing from the catalog last. */
  private static int levelOrder(String level) {
    for (AgencyLevel l : AgencyLevel.values()) {
      if (l.name().equals(level)) {
        return l.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * For agencies: the first agency below the scope on the dossier's path (or the scope itself), in the chosen
   * structure; for levels: the receiving agency's level (or, in today's structure, its current agency's).
   */
  String groupKey(Dimension dimension, String key, ReportScope scope) {
    return switch (dimension) {
      case LEVEL -> scopes.levelKey(key, scope);
      case AGENCY -> scopes.unitKey(key, scope);
      default -> key;
    };
  }

  private String label(Dimension dimension, String key) {
    return switch (dimension) {
      case AGENCY -> catalog.agency(key).map(Agency::name).orElse(key);
      // Every version and case of a procedure shares its code: one line, named as today (or as last published).
      case PROCEDURE -> catalog.procedure(key).or(() -> catalog.versions(key).stream().reduce((a, b) -> b))
          .map(Procedure::name).orElse(key);
      case CHANNEL -> problems.message("report.channel." + key);
      case LEVEL -> problems.message("report.level." + key);
      default -> key;
    };
  }

  private static void checkPeriod(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ReportRefusal.INVALID_PERIOD.exception(from, to);
    }
  }

  /** The agency to report on: the one asked for if the user may see it in this view, else the user's own. */
  String scope(MotcuaUser user, String requested, Structure structure) {
    return scopes.resolve(user, requested, structure).agency();
  }
}
