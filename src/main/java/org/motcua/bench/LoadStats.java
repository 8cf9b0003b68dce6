package org.motcua.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load and soak commands measured: per request class, the latency of every answered request and how each
 * request ended ({@link Outcome}), and the errors by status and problem code. Thread-safe; the virtual users of a run
 * all record into one instance.
 */
class LoadStats {

  /** How a request ended, as far as the client can tell. */
  enum Outcome {
    /** Answered with the status the action expects. */
    OK,
    /**
     * Answered 409 with one of the documented refusals of two actions meeting on the same dossier
     * ({@code TASK_ALREADY_DONE}, {@code CONCURRENT_CHANGE}, {@code RECORD_BUSY}): two officers signed in on one
     * demo account took the same task. Nothing was stored; counted apart from the errors.
     */
    RACE,
    /** Answered with any other status: an error a user would see. */
    ERROR,
    /** Sent, then the connection broke or timed out before the answer: carried out or not, the client cannot tell. */
    LOST,
    /** No node accepted the connection. */
    UNREACHABLE
  }

  /** The refusals two actions on the same dossier may meet (README "API"); nothing is stored, the user tries again. */
  static final Set<String> RACE_CODES = Set.of("TASK_ALREADY_DONE", "CONCURRENT_CHANGE", "RECORD_BUSY");

  /** Status {@value} in a reply: the request was sent and its answer never came. */
  static final int LOST_STATUS = -1;
  /** Status {@value} in a reply: no node accepted the connection. */
  static final int UNREACHABLE_STATUS = -2;

  /**
   * How a request ended: {@code expected} is the status the action answers when it succeeds (several when a
   * redirect also counts, e.g. a sign-in); {@code problemCode} the problem+json {@code code} of a refusal, or null.
   */
  static Outcome classify(int status, String problemCode, Set<Integer> expected) {
    if (status == LOST_STATUS) {
      return Outcome.LOST;
    }
    if (status == UNREACHABLE_STATUS) {
      return Outcome.UNREACHABLE;
    }
    if (expected.contains(status)) {
      return Outcome.OK;
    }
    if (status == 409 && problemCode != null && RACE_CODES.contains(problemCode)) {
      return Outcome.RACE;
    }
    return Outcome.ERROR;
  }

  /**
   * How a refusal of an action on a task the user took from its inbox ended, once the client has looked at the dossier
   * again: a 404 {@code TASK_NOT_FOUND} (or 409 {@code RESULT_NOT_EXPECTED} for an upload) whose task is indeed no
   * longer open was completed by another officer first — the inbox page the user read was stale, as it is for two
   * people working one account — and counts as a race; while the task is still open it is an error. Any other answer
   * is classified by {@link #classify}.
   */
  static Outcome classifyAfterCheck(int status, String problemCode, Set<Integer> expected, boolean stillOpen) {
    boolean gone = status == 404 && "TASK_NOT_FOUND".equals(problemCode)
        || status == 409 && "RESULT_NOT_EXPECTED".equals(problemCode);
    return gone && !stillOpen ? Outcome.RACE : classify(status, problemCode, expected);
  }

  /**
   * The nearest-rank percentile of the values: the smallest value with at least {@code p} % of the values at or
   * below it ({@code p} in (0, 100]); NaN for no values. {@code sorted} must be sorted ascending.
   */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** One request class's record. */
  static final class Klass {
    private final List<long[]> chunks = new ArrayList<>();
    private long[] current = new long[1024];
    private int used;
    private final Map<Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();

    synchronized void latency(long nanos) {
      if (used == current.length) {
        chunks.add(current);
        current = new long[current.length * 2];
        used = 0;
      }
      current[used++] = nanos;
    }

    void outcome(Outcome outcome) {
      outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    long count(Outcome outcome) {
      LongAdder adder = outcomes.get(outcome);
      return adder == null ? 0 : adder.sum();
    }

    long requests() {
      return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The latencies recorded, sorted ascending, in nanoseconds. */
    synchronized long[] sorted() {
      int total = used;
      for (long[] c : chunks) {
        total += c.length;
      }
      long[] all = new long[total];
      int at = 0;
      for (long[] c : chunks) {
        System.arraycopy(c, 0, all, at, c.length);
        at += c.length;
      }
      System.arraycopy(current, 0, all, at, used);
      Arrays.sort(all);
      return all;
    }
  }

  private final Map<String, Klass> classes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final AtomicLong refusedConnections = new AtomicLong();
  private final AtomicLong resentReads = new AtomicLong();

  /**
   * Records one request of class {@code name}: its outcome, and its latency when it was answered (lost and
   * unreachable requests have none). {@code detail} names an error or a race (status and problem code).
   */
  void record(String name, long nanos, Outcome outcome, String detail) {
    Klass k = classes.computeIfAbsent(name, n -> new Klass());
    k.outcome(outcome);
    if (outcome == Outcome.OK || outcome == Outcome.RACE || outcome == Outcome.ERROR) {
      k.latency(nanos);
    }
    if (outcome != Outcome.OK) {
      errors.computeIfAbsent(name + ": " + detail, e -> new LongAdder()).increment();
    }
  }

  /** A connection a node refused (it was down); the request went to another node, or counts as unreachable. */
  void refusedConnection() {
    refusedConnections.incrementAndGet();
  }

  /** A read whose answer was lost, sent again to the next node (as nginx does for a GET). */
  void resentRead() {
    resentReads.incrementAndGet();
  }

  long resentReads() {
    return resentReads.get();
  }

  long refusedConnections() {
    return refusedConnections.get();
  }

  Map<String, Klass> classes() {
    return new TreeMap<>(classes);
  }

  /** Non-OK outcomes by "class: status code", in name order. */
  Map<String, Long> errors() {
    Map<String, Long> all = new TreeMap<>();
    errors.forEach((k, v) -> all.put(k, v.sum()));
    return all;
  }

  long total(Outcome outcome) {
    return classes.values().stream().mapToLong(k -> k.count(outcome)).sum();
  }

  long requests() {
    return classes.values().stream().mapToLong(Klass::requests).sum();
  }

  /** A request class's target: its p99 in milliseconds, or none. */
  record Target(String kind, double p99Millis) {
  }

  /**
   * Prints the table: per class the requests, errors, races, lost answers, p50/p95/p99 and its target's verdict;
   * returns the classes whose p99 missed their target or that had errors.
   */
  List<String> print(Map<String, Target> targets, double seconds) {
    List<String> missed = new ArrayList<>();
    System.out.println("| request class | requests | /s | errors | 409 races | lost answers | p50 ms | p95 ms | p99 ms "
        + "| target p99 | met |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    Map<String, Klass> ordered = new LinkedHashMap<>();
    targets.keySet().forEach(name -> {
      if (classes.containsKey(name)) {
        ordered.put(name, classes.get(name));
      }
    });
    classes().forEach(ordered::putIfAbsent);
    ordered.forEach((name, k) -> {
      long[] sorted = k.sorted();
      double p99 = percentile(sorted, 99) / 1e6;
      Target target = targets.get(name);
      long errorCount = k.count(Outcome.ERROR) + k.count(Outcome.UNREACHABLE);
      boolean met = target == null || (p99 < target.p99Millis() && errorCount == 0);
      if (!met) {
        missed.add(name);
      }
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %d | %d | %d | %.0f | %.0f | %.0f | %s | %s |%n", name,
          k.requests(), k.requests() / seconds, errorCount, k.count(Outcome.RACE), k.count(Outcome.LOST),
          percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6, p99,
          target == null ? "—" : String.format(Locale.ROOT, "< %.0f ms (%s)", target.p99Millis(), target.kind()),
          target == null ? "" : met ? "yes" : "**no**");
    });
    targets.keySet().stream().filter(name -> !classes.containsKey(name))
        .forEach(name -> missed.add(name + " (no request)"));
    return missed;
  }
}
