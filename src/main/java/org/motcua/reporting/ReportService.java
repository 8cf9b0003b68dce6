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

  ReportService(AggregateQuery summaries, Catalog catalog, Clock clock, Problems problems, RegisterQuery register) {
    this.register = register;
    this.summaries = summaries;
    this.catalog = catalog;
    this.clock = clock;
    this.problems = problems;
  }

  /** Reading the indicators, their breakdowns or the register for a period and an agency subtree. */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(ReportRefusal.INVALID_PERIOD, ReportRefusal.UNKNOWN_AGENCY, ReportRefusal.REPORT_SCOPE_DENIED,
        ReportRefusal.UNKNOWN_DIMENSION, ReportRefusal.PERIOD_TOO_LONG);
  }

  @Transactional(readOnly = true)
  public Summary summary(MotcuaUser user, LocalDate from, LocalDate to, String agency) {
    checkPeriod(from, to);
    String scope = scope(user, agency);
    Summary summary = summaries.summarize(from, to, scope, judgedAt(to));
    return summary.withProceduresWithOnlinePaymentRate(proceduresWithOnlinePayment(from, to, scope));
  }

  /**
   * Decision 766 §3.6: procedures with at least one online payment in the period ÷ procedures with a fee, among the
   * catalog's procedures offered by one of the scope's agencies.
   */
  private Double proceduresWithOnlinePayment(LocalDate from, LocalDate to, String scope) {
    long withFee = catalog.procedures().stream()
        // A procedure has a fee when any of its cases does (a late birth registration, not the on-time one).
        .filter(p -> p.cases().stream().anyMatch(c -> c.feeVnd() > 0) && (scope == null
            || p.offerings().stream().anyMatch(o -> catalog.isWithin(o.agencyCode(), scope))))
        .count();
    return Tally.rate(summaries.proceduresPaidOnline(from, to, scope), withFee);
  }

  /**
   * The summary's fields per group. Agencies roll up to the units directly under the scope (a province's row
   * includes its communes), by the path each dossier was received under; the scope's own dossiers get its own row.
   */
  @Transactional(readOnly = true)
  public Breakdown breakdown(MotcuaUser user, LocalDate from, LocalDate to, String agency, String by) {
    checkPeriod(from, to);
    Dimension dimension = Dimension.parse(by).orElseThrow(() -> ReportRefusal.UNKNOWN_DIMENSION.exception(by));
    String scope = scope(user, agency);
    Summary total = summaries.summarize(from, to, scope, judgedAt(to));
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
            summaries.summarize(start, end, scope, judgedAt(end))));
      }
      return new Breakdown(from, to, scope, dimension.param(), rows, total);
    }
    Map<String, Tally> tallies = summaries.tally(from, to, scope, judgedAt(to), dimension.column());
    Map<String, Tally> grouped = new LinkedHashMap<>();
    tallies.forEach((key, tally) -> grouped.merge(groupKey(dimension, key, scope), tally, Tally::plus));
    grouped.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .sorted(Map.Entry.comparingByKey(dimension == Dimension.LEVEL
            ? Comparator.comparing(ReportService::levelOrder) : Comparator.naturalOrder()))
        .forEach(e -> rows.add(Breakdown.Row.of(e.getKey(), label(dimension, e.getKey()),
            e.getValue().toSummary(from, to, scope))));
    return new Breakdown(from, to, scope, dimension.param(), rows, total);
  }

  /** The dossier register (sổ theo dõi hồ sơ) of a period, paged (at most 500 a page). */
  @Transactional(readOnly = true)
  public Register register(MotcuaUser user, LocalDate from, LocalDate to, String agency, int page, int size) {
    checkPeriod(from, to);
    return register.page(from, to, scope(user, agency), Math.max(page, 0), Math.min(Math.max(size, 1), 500));
  }

  /** Every line of the register, streamed to the consumer inside one read-only transaction. */
  @Transactional(readOnly = true)
  public void register(MotcuaUser user, LocalDate from, LocalDate to, String agency,
      java.util.function.Consumer<Register.Entry> consumer) {
    checkPeriod(from, to);
    register.each(from, to, scope(user, agency), consumer);
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

  /** The administrative level of the agency that received the dossier (the last on its path). */
  private String levelKey(String path) {
    String receiving = path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
    return catalog.agency(receiving).map(a -> a.level().name()).orElse(UNKNOWN_LEVEL);
  }

  private static final String UNKNOWN_LEVEL = "UNKNOWN";

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
   * For agencies: the first agency below the scope on the dossier's path (or the scope itself); for levels: the
   * receiving agency's level.
   */
  String groupKey(Dimension dimension, String key, String scope) {
    if (dimension == Dimension.LEVEL) {
      return levelKey(key);
    }
    if (dimension != Dimension.AGENCY) {
      return key;
    }
    String[] path = key.substring(1).split("/");
    if (scope == null) {
      return path[0];
    }
    for (int i = 0; i < path.length; i++) {
      if (path[i].equals(scope)) {
        return i + 1 < path.length ? path[i + 1] : scope;
      }
    }
    return key;
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

  /** The agency subtree to report on: the one asked for if the user may see it, else the user's own. */
  String scope(MotcuaUser user, String requested) {
    // A blank agency (a form's unchosen select) is no agency.
    String agency = requested == null || requested.isBlank() ? null : requested.trim();
    if (agency != null && catalog.agency(agency).isEmpty()) {
      throw ReportRefusal.UNKNOWN_AGENCY.exception(agency);
    }
    if (user.is(Role.ADMIN)) {
      return agency;
    }
    // Subtrees are for supervisors; the other officers' register is their own agency's (DossierForms#register).
    if (!user.is(Role.SUPERVISOR)) {
      throw ReportRefusal.REPORT_SCOPE_DENIED.exception(agency == null ? user.agencyCode() : agency);
    }
    if (agency == null) {
      return user.agencyCode();
    }
    if (!catalog.isWithin(agency, user.agencyCode())) {
      throw ReportRefusal.REPORT_SCOPE_DENIED.exception(agency);
    }
    return agency;
  }
}
