package org.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.Timeliness;

/**
 * What one dossier adds to the {@code report_day} counters, given its facts at one moment. A change adds the new
 * contribution and subtracts the old one ({@link #change}); an import adds contributions only. This is the counting
 * rule's one statement: the back-fill migrations (V3, V7, V9) that counted the dossiers already there when a counter
 * appeared cannot change, so {@code BackfillMatchesDayContributionTest} checks their SQL against this class; the raw
 * scan ({@link SummaryQuery}) states the indicators independently, as the reference the aggregates are tested
 * against.
 */
final class DayContribution {

  /** Counter positions, in the order of {@link #COLUMNS}. */
  static final int RECEIVED = 0;
  static final int ENDED = 1;
  static final int ENDED_EARLY = 2;
  static final int ENDED_ON_TIME = 3;
  static final int ENDED_LATE = 4;
  static final int DUE = 5;
  static final int SETTLED = 6;
  static final int COMPONENTS_DIGITIZED = 7;
  static final int COMPONENTS_SUPPLIED = 8;
  static final int COMPONENTS_REUSED = 9;
  static final int RESULT_DIGITIZED = 10;
  static final int FEE_DOSSIERS = 11;
  static final int PAID_ONLINE = 12;
  static final int ENDED_WITHDRAWN = 13;
  static final int ENDED_REFUSED = 14;
  static final int RECEIVED_VNEID = 15;
  /** Dissatisfied dossiers ({@link SatisfactionRule#dissatisfied}) by reception day and by end-of-handling day. */
  static final int DISSATISFIED_RECEIVED = 16;
  static final int DISSATISFIED_ENDED = 17;
  static final String[] COLUMNS = {"received", "ended", "ended_early", "ended_on_time", "ended_late", "due", "settled",
      "components_digitized", "components_supplied", "components_reused", "result_digitized", "fee_dossiers",
      "paid_online", "ended_withdrawn", "ended_refused", "received_vneid", "dissatisfied_received",
      "dissatisfied_ended"};

  /** The channel code of online submission (dossier.Channel.ONLINE), as the reports' queries read it. */
  static final int ONLINE_CHANNEL = 2;

  /** One bucket: a day and the dimensions the dossier was received under. */
  record Key(LocalDate day, String agencyPath, String procedureCode, String field, int channel, String onlineLevel,
      boolean multiSupplement) implements Comparable<Key> {

    private static final java.util.Comparator<Key> ORDER = java.util.Comparator.comparing(Key::day)
        .thenComparing(Key::agencyPath).thenComparing(Key::procedureCode).thenComparing(Key::field)
        .thenComparingInt(Key::channel).thenComparing(Key::onlineLevel).thenComparing(Key::multiSupplement);

    /** A fixed order, so concurrent transactions lock buckets in the same sequence and cannot deadlock. */
    @Override
    public int compareTo(Key o) {
      return ORDER.compare(this, o);
    }
  }

  private DayContribution() {
  }

  /** The net change of counters between two states of a dossier (either may be null); zero entries are dropped. */
  static Map<Key, long[]> change(DossierFacts before, DossierFacts after, SatisfactionRule rule) {
    Map<Key, long[]> delta = new HashMap<>();
    addTo(delta, after, 1, rule);
    addTo(delta, before, -1, rule);
    delta.values().removeIf(DayContribution::isZero);
    return delta;
  }

  /**
   * Adds {@code sign} × the dossier's contribution, counting dissatisfaction by the national rule (for facts that
   * carry no rating and no feedback, as imported history, any rule counts the same). Only received dossiers count (a dossier never received — status
   * 1 or 3 — is in no indicator), as in the raw query, which starts from {@code received_at}.
   */
  static void addTo(Map<Key, long[]> delta, DossierFacts f, int sign) {
    addTo(delta, f, sign, SatisfactionRule.NATIONAL);
  }

  /** The same, counting dissatisfied dossiers by {@code rule}. */
  static void addTo(Map<Key, long[]> delta, DossierFacts f, int sign, SatisfactionRule rule) {
    if (f == null || f.receivedAt() == null) {
      return;
    }
    boolean multi = f.supplementCount() > 1;
    add(delta, f, f.receivedAt(), multi, RECEIVED, sign);
    // Satisfaction: like received and ended, so that the summary counts the dissatisfied over its timeliness scope.
    boolean dissatisfied = rule.dissatisfied(f);
    if (dissatisfied) {
      add(delta, f, f.receivedAt(), multi, DISSATISFIED_RECEIVED, sign);
      if (f.endedAt() != null) {
        add(delta, f, f.endedAt(), multi, DISSATISFIED_ENDED, sign);
      }
    }
    // Digitization, reuse and fees count by reception day, like the dossiers they belong to.
    if (f.componentsDigitized()) {
      add(delta, f, f.receivedAt(), multi, COMPONENTS_DIGITIZED, sign);
    }
    add(delta, f, f.receivedAt(), multi, COMPONENTS_SUPPLIED, sign * (long) f.componentsSupplied());
    add(delta, f, f.receivedAt(), multi, COMPONENTS_REUSED, sign * (long) f.componentsReused());
    if (f.feeVnd() > 0) {
      add(delta, f, f.receivedAt(), multi, FEE_DOSSIERS, sign);
    }
    if (f.paidOnline()) {
      add(delta, f, f.receivedAt(), multi, PAID_ONLINE, sign);
    }
    // Received online from an account signed in through the national e-identity (VNeID).
    if (f.channel() == ONLINE_CHANNEL && f.vneidVerified()) {
      add(delta, f, f.receivedAt(), multi, RECEIVED_VNEID, sign);
    }
    if (f.dueAt() != null) {
      add(delta, f, f.dueAt(), multi, DUE, sign);
    }
    if (f.endedAt() != null) {
      add(delta, f, f.endedAt(), multi, ENDED, sign);
      if (f.resultDigitized()) {
        add(delta, f, f.endedAt(), multi, RESULT_DIGITIZED, sign);
      }
      if (f.timeliness() != null) {
        add(delta, f, f.endedAt(), multi, timelinessCounter(f.timeliness()), sign);
      }
      if ("WITHDRAWN".equals(f.stopReason())) {
        add(delta, f, f.endedAt(), multi, ENDED_WITHDRAWN, sign);
      } else if ("REFUSED".equals(f.stopReason())) {
        add(delta, f, f.endedAt(), multi, ENDED_REFUSED, sign);
      }
      if (f.dueAt() != null) {
        LocalDateTime settled = f.dueAt().isAfter(f.endedAt()) ? f.dueAt() : f.endedAt();
        add(delta, f, settled, multi, SETTLED, sign);
      }
    }
  }

  private static int timelinessCounter(Timeliness t) {
    return switch (t) {
      case EARLY -> ENDED_EARLY;
      case ON_TIME -> ENDED_ON_TIME;
      case LATE -> ENDED_LATE;
    };
  }

  private static void add(Map<Key, long[]> delta, DossierFacts f, LocalDateTime at, boolean multi, int counter,
      long sign) {
    Key key = new Key(at.toLocalDate(), f.agencyPath(), f.procedureCode(), f.field(), f.channel(),
        f.onlineLevel().name(), multi);
    delta.computeIfAbsent(key, k -> new long[COLUMNS.length])[counter] += sign;
  }

  static void merge(Map<Key, long[]> into, Map<Key, long[]> more) {
    more.forEach((k, v) -> {
      long[] target = into.computeIfAbsent(k, x -> new long[COLUMNS.length]);
      for (int i = 0; i < v.length; i++) {
        target[i] += v[i];
      }
    });
  }

  private static boolean isZero(long[] counters) {
    for (long c : counters) {
      if (c != 0) {
        return false;
      }
    }
    return true;
  }
}
