package org.motcua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load command (issue 17), run against started nodes:
 * <pre>
 * java -jar motcua.jar load-test --target=http://127.0.0.1:8081[,URL…] [--users=200] [--ramp=60s] [--duration=3m]
 *     [--think=5s] [--mix=70:25:5]
 * </pre>
 * {@code --users} virtual users ({@link VirtualUsers}), citizens : officers : supervisors in the proportions of
 * {@code --mix}, are started evenly over {@code --ramp}, then all of them run for {@code --duration}, each waiting an
 * exponential think time of mean {@code --think} between its requests. Measured: the requests that started after the
 * ramp. Printed: per request class the requests, errors, 409 races, p50/p95/p99 and the targets (p99 under
 * 300 ms for reads, 500 ms for writes: a submission with its files, a decision, an upload, a sign-in; no errors),
 * throughput, errors by status and problem code, the load average and this client's CPU.
 */
final class LoadCommand {

  /** The p99 targets of issue 17 by request class: reads 300 ms, writes 500 ms. */
  static final Map<String, LoadStats.Target> TARGETS = targets();

  private LoadCommand() {
  }

  private static Map<String, LoadStats.Target> targets() {
    Map<String, LoadStats.Target> t = new LinkedHashMap<>();
    LoadStats.Target read = new LoadStats.Target("read", 300);
    LoadStats.Target write = new LoadStats.Target("write", 500);
    t.put(VirtualUsers.SEARCH, read);
    t.put(VirtualUsers.PROCEDURE_PAGE, read);
    t.put(VirtualUsers.SUBMISSION, write);
    t.put(VirtualUsers.TRACK_FORM, read);
    t.put(VirtualUsers.TRACK, read);
    t.put(VirtualUsers.CITIZEN_DOSSIER, read);
    t.put(VirtualUsers.INBOX_API, read);
    t.put(VirtualUsers.INBOX_PAGE, read);
    t.put(VirtualUsers.OFFICER_DOSSIER, read);
    t.put(VirtualUsers.DOSSIER_API, read);
    t.put(VirtualUsers.DECISION, write);
    t.put(VirtualUsers.RESULT_UPLOAD, write);
    t.put(VirtualUsers.DASHBOARD, read);
    t.put(VirtualUsers.EXPORT, read);
    t.put(VirtualUsers.SIGN_IN, write);
    return t;
  }

  static void main(Map<String, String> options) throws Exception {
    List<URI> nodes = Arrays.stream(options.getOrDefault("target", "http://127.0.0.1:8080").split(","))
        .map(URI::create).toList();
    int users = Integer.parseInt(options.getOrDefault("users", "200"));
    Duration ramp = duration(options.getOrDefault("ramp", "60s"));
    Duration hold = duration(options.getOrDefault("duration", "3m"));
    Duration think = duration(options.getOrDefault("think", "5s"));
    int[] mix = mix(options.getOrDefault("mix", "70:25:5"));
    prepareClient(users);

    LoadStats warmUp = new LoadStats();
    LoadStats measured = new LoadStats();
    Recorder recorder = new Recorder(warmUp);
    VirtualUsers vus = new VirtualUsers(nodes, recorder, think.toMillis(), null, 5_000,
        Long.toString(System.currentTimeMillis() % 1_000_000, 36));
    System.out.printf(Locale.ROOT, "Load test on %s: %d users (%s), ramp %s, then %s; think time %s (mean)%n", nodes,
        users, mixLabel(users, mix), ramp, hold, think);
    Run run = run(vus, users, mix, ramp, hold, () -> recorder.switchTo(measured), null);
    System.out.printf(Locale.ROOT, "%nLoad test, %s, %d users (%s) on %d node(s), %s measured after a %s ramp, think "
        + "time %s; load average %.2f at the start, %.2f at the end of the ramp, %.2f at the end; %d cores%n",
        Instant.now(), users, mixLabel(users, mix), nodes.size(), hold, ramp, think, run.loadStart, run.loadMeasured,
        run.loadEnd, Runtime.getRuntime().availableProcessors());
    report(measured, run.measuredSeconds, run);
    System.exit(0);
  }

  /** Prints the table, totals and errors of a run; returns the classes that missed their target. */
  static List<String> report(LoadStats stats, double seconds, Run run) {
    List<String> missed = stats.print(TARGETS, seconds);
    long requests = stats.requests();
    System.out.printf(Locale.ROOT, "Throughput: %.1f requests/s (%d in %.0f s); submissions %.2f /s, decisions %.2f /s%n",
        requests / seconds, requests, seconds,
        stats.classes().getOrDefault(VirtualUsers.SUBMISSION, new LoadStats.Klass()).requests() / seconds,
        stats.classes().getOrDefault(VirtualUsers.DECISION, new LoadStats.Klass()).requests() / seconds);
    System.out.printf(Locale.ROOT, "Errors: %d; 409 races: %d; lost answers: %d; unreachable: %d; refused connections"
        + " (re-routed): %d; reads whose answer was lost, sent again to the next node: %d%n",
        stats.total(LoadStats.Outcome.ERROR), stats.total(LoadStats.Outcome.RACE),
        stats.total(LoadStats.Outcome.LOST), stats.total(LoadStats.Outcome.UNREACHABLE), stats.refusedConnections(),
        stats.resentReads());
    System.out.println("Answers other than the expected one, by class (races marked):");
    stats.errors().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s: %d%n", k, v));
    if (run != null) {
      System.out.printf(Locale.ROOT, "Client (this JVM): %.1f %% of one core over the measured period%n",
          100.0 * run.clientCpuNanos / 1e9 / seconds);
    }
    System.out.println(missed.isEmpty() ? "Targets: all met (p99 under target, no errors)."
        : "Targets missed: " + String.join(", ", missed));
    return missed;
  }

  /** A run's times and machine readings. */
  record Run(double measuredSeconds, double loadStart, double loadMeasured, double loadEnd, long clientCpuNanos) {
  }

  /**
   * Starts the users evenly over the ramp, calls {@code measuring} when the last one has started, lets them run for
   * {@code hold}, then stops them. {@code during} (may be null) runs on this thread while they hold.
   */
  static Run run(VirtualUsers vus, int users, int[] mix, Duration ramp, Duration hold, Runnable measuring,
      During during) throws Exception {
    List<String[]> catalogue = vus.catalogue();
    double loadStart = loadAverage();
    List<Thread> threads = new ArrayList<>();
    long rampStart = System.nanoTime();
    Map<String, Integer> ofRole = new java.util.HashMap<>();
    for (int i = 0; i < users; i++) {
      int user = i;
      String role = VirtualUsers.roleOf(i, mix);
      int k = ofRole.merge(role, 1, Integer::sum) - 1;
      Thread t = new Thread(() -> vus.run(user, role, k, catalogue), "vu-" + role + "-" + i);
      t.setDaemon(true);
      threads.add(t);
      long due = rampStart + ramp.toNanos() * i / Math.max(1, users);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      t.start();
    }
    long rampLeft = rampStart + ramp.toNanos() - System.nanoTime();
    if (rampLeft > 0) {
      Thread.sleep(rampLeft / 1_000_000);
    }
    measuring.run();
    double loadMeasured = loadAverage();
    long cpu0 = processCpu();
    long t0 = System.nanoTime();
    if (during != null) {
      during.run(t0 + hold.toNanos());
    }
    long left = t0 + hold.toNanos() - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long cpu = processCpu() - cpu0;
    double loadEnd = loadAverage();
    vus.stopping = true;
    for (Thread t : threads) {
      t.join(90_000);
    }
    return new Run(seconds, loadStart, loadMeasured, loadEnd, cpu);
  }

  /** What runs while the users hold (the soak's crashes), until the given {@link System#nanoTime()}. */
  interface During {
    void run(long untilNanos) throws Exception;
  }

  /** Forwards to the stats of the current phase (warm-up during the ramp, then the measured ones). */
  static final class Recorder extends LoadStats {
    private volatile LoadStats target;

    Recorder(LoadStats first) {
      this.target = first;
    }

    void switchTo(LoadStats next) {
      target = next;
    }

    @Override
    void record(String name, long nanos, Outcome outcome, String detail) {
      target.record(name, nanos, outcome, detail);
    }

    @Override
    void refusedConnection() {
      target.refusedConnection();
    }

    @Override
    void resentRead() {
      target.resentRead();
    }
  }

  /** JDK client settings: kept-alive connections for every user; a POST never re-sent by the JDK on its own. */
  static void prepareClient(int users) {
    System.setProperty("http.maxConnections", String.valueOf(Math.max(5, users)));
    System.setProperty("sun.net.http.retryPost", "false");
    System.setProperty("http.keepAlive", "true");
  }

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** "60s", "5m", "1h" or plain seconds. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    char unit = t.charAt(t.length() - 1);
    if (Character.isDigit(unit)) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (unit) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("a duration like 60s, 5m or 1h: " + text);
    };
  }

  /** "70:25:5" → citizens, officers, supervisors. */
  static int[] mix(String text) {
    int[] mix = Arrays.stream(text.split(":")).mapToInt(Integer::parseInt).toArray();
    if (mix.length != 3 || Arrays.stream(mix).anyMatch(n -> n < 0) || Arrays.stream(mix).sum() == 0) {
      throw new IllegalArgumentException("--mix=citizens:officers:supervisors, e.g. 70:25:5: " + text);
    }
    return mix;
  }

  static String mixLabel(int users, int[] mix) {
    int[] n = new int[3];
    for (int i = 0; i < users; i++) {
      n[switch (VirtualUsers.roleOf(i, mix)) {
        case "citizen" -> 0;
        case "officer" -> 1;
        default -> 2;
      }]++;
    }
    return n[0] + " citizens, " + n[1] + " officers, " + n[2] + " supervisors";
  }

}
