package org.motcua.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak command (issue 21; not part of CI): the load test's mixed users on two nodes for a long while, one node
 * killed with SIGKILL and restarted every few minutes, then the crash test's integrity checks:
 * <pre>
 * java -jar motcua.jar soak [--duration=30m] [--users=60] [--ramp=30s] [--think=5s] [--mix=70:25:5]
 *     [--kill-every=4m] [--down=15s] [--postgres-url=jdbc:postgresql://127.0.0.1:5432/] [--database=motcua_soak]
 *     [--work=target/soak] [--heap=512m] [--kill-during-post] [--node.X=Y …]
 * </pre>
 * It drops and creates the database, starts two processes of this same jar ({@code --spring.profiles.active=demo,
 * postgres}, the same database and documents folder, their own ports; {@code --node.X=Y} is passed to both as
 * {@code --X=Y}) and spreads the users' requests across them like nginx: round-robin, a refused connection goes to
 * the other node, and a POST whose answer was lost is checked before it is sent again (a submission by its
 * applicant's name in the database, a decision by the dossier's current steps, an upload by what the dossier
 * awaits). Every {@code --kill-every} the nodes in turn are killed with SIGKILL ({@link Process#destroyForcibly()}),
 * left down for {@code --down} and started again ({@code --kill-during-post}: at the moment a POST is on its way). Printed: per request class the requests, errors, 409 races and
 * lost answers; then the checks (every acknowledged dossier exists once, with its process while open and none once
 * returned, its last history status equal to its status, its two component files and its result once returned,
 * every stored file on disk; no process, history line, step, document or outbox row without its dossier; an outbox
 * event per status change, and every outbox row delivered). Exits 1 when a check fails.
 */
final class SoakCommand {

  private SoakCommand() {
  }

  static void main(Map<String, String> options) throws Exception {
    Duration hold = LoadCommand.duration(options.getOrDefault("duration", "30m"));
    int users = Integer.parseInt(options.getOrDefault("users", "60"));
    Duration ramp = LoadCommand.duration(options.getOrDefault("ramp", "30s"));
    Duration think = LoadCommand.duration(options.getOrDefault("think", "5s"));
    int[] mix = LoadCommand.mix(options.getOrDefault("mix", "70:25:5"));
    Duration killEvery = LoadCommand.duration(options.getOrDefault("kill-every", "4m"));
    Duration down = LoadCommand.duration(options.getOrDefault("down", "15s"));
    String server = options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
    String database = options.getOrDefault("database", "motcua_soak");
    Path work = Path.of(options.getOrDefault("work", "target/soak")).toAbsolutePath();
    String user = System.getenv().getOrDefault("MOTCUA_DB_USER", "postgres");
    String password = System.getenv().getOrDefault("MOTCUA_DB_PASSWORD", "");
    LoadCommand.prepareClient(users);

    deleteTree(work);
    Path files = work.resolve("files");
    Files.createDirectories(files);
    Class.forName("org.postgresql.Driver");
    try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database);
    }
    List<String> nodeArgs = new ArrayList<>(List.of(
        "--spring.profiles.active=demo,postgres",
        "--spring.datasource.url=" + server + database,
        "--motcua.documents.dir=" + files,
        "--logging.structured.format.console="));
    options.forEach((k, v) -> {
      if (k.startsWith("node.")) {
        nodeArgs.add("--" + k.substring("node.".length()) + "=" + v);
      }
    });
    String heap = options.getOrDefault("heap", "512m");
    boolean killDuringPost = Boolean.parseBoolean(options.getOrDefault("kill-during-post", "false"));
    Node a = new Node("a", work, heap, nodeArgs);
    Node b = new Node("b", work, heap, nodeArgs);
    List<String> events = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(server + database, user, password)) {
      // The first node creates the schema and the demo accounts; the second joins it.
      a.start();
      a.awaitReady();
      b.start();
      b.awaitReady();
      LoadStats warmUp = new LoadStats();
      LoadStats measured = new LoadStats();
      LoadCommand.Recorder recorder = new LoadCommand.Recorder(warmUp);
      String tag = "s" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
      VirtualUsers vus = new VirtualUsers(List.of(a.uri(), b.uri()), recorder, think.toMillis(),
          applicant -> submittedBy(server + database, user, password, applicant), 120_000, tag);
      System.out.printf(Locale.ROOT, "Soak on %s: %d users (%s), %s; node %s killed and restarted every %s (down %s)"
          + ", alternating%n", database, users, LoadCommand.mixLabel(users, mix), hold, "a/b", killEvery, down);
      Instant began = Instant.now();
      LoadCommand.Run run = LoadCommand.run(vus, users, mix, ramp, hold, () -> recorder.switchTo(measured),
          until -> {
            Node[] order = {b, a};
            int k = 0;
            while (System.nanoTime() + killEvery.toNanos() < until) {
              Thread.sleep(killEvery.toMillis());
              Node victim = order[k++ % 2];
              if (killDuringPost) {
                // Kill while a POST is on its way (on either node: half the time the victim's), so that answers
                // are lost and checked before they are sent again; at most 10 s of waiting for one.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (vus.postsInFlight.get() == 0 && System.nanoTime() < deadline) {
                  Thread.sleep(1);
                }
              }
              int inFlight = vus.inFlight.get();
              long pid = victim.pid();
              victim.killHard();
              String kill = String.format(Locale.ROOT, "%s kill -9 node %s (pid %d), %d requests in flight",
                  Duration.between(began, Instant.now()).withNanos(0), victim.name, pid, inFlight);
              Thread.sleep(down.toMillis());
              long t0 = System.nanoTime();
              victim.start();
              victim.awaitReady();
              events.add(kill + String.format(Locale.ROOT, "; started again after %s, ready in %.0f s", down,
                  (System.nanoTime() - t0) / 1e9));
              System.out.println(events.get(events.size() - 1));
            }
          });
      System.out.printf(Locale.ROOT, "%nSoak, %s: %s of load (after a %s ramp) on two nodes (PostgreSQL), %d users "
          + "(%s), think time %s; load average %.2f at the start, %.2f at the end; %d cores%n", began, hold, ramp,
          users, LoadCommand.mixLabel(users, mix), think, run.loadMeasured(), run.loadEnd(),
          Runtime.getRuntime().availableProcessors());
      events.forEach(e -> System.out.println("  " + e));
      LoadCommand.report(measured, run.measuredSeconds(), run);
      System.out.printf(Locale.ROOT, "Lost answers checked before re-sending: %d had taken effect, %d were sent again%n",
          vus.lostResolvedDone.get(), vus.lostResent.get());
      System.out.printf(Locale.ROOT, "During the ramp: %d requests, %d errors, %d lost%n", warmUp.requests(),
          warmUp.total(LoadStats.Outcome.ERROR), warmUp.total(LoadStats.Outcome.LOST));

      List<String> failures = new Checks(db, files, vus.applicantPrefix(), vus.acknowledged).run();
      System.out.println(failures.isEmpty() ? "Integrity: every check passed."
          : "Integrity: " + failures.size() + " check(s) FAILED");
      failures.forEach(f -> System.out.println("  FAILED " + f));
      a.stop();
      b.stop();
      System.exit(failures.isEmpty() ? 0 : 1);
    } finally {
      a.stop();
      b.stop();
    }
  }

  /** The code of the dossier submitted for this applicant, if it committed (a fresh connection: a check is rare). */
  private static Optional<String> submittedBy(String url, String user, String password, String applicant) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement s = c.prepareStatement("select code from dossier where applicant_name = ?")) {
      s.setString(1, applicant);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The integrity checks after the load: each adds a line to the failures, or prints what it found. */
  static final class Checks {
    private final Connection db;
    private final Path files;
    private final String prefix;
    private final Map<String, String> acknowledged;
    private final List<String> failures = new ArrayList<>();

    Checks(Connection db, Path files, String prefix, Map<String, String> acknowledged) {
      this.db = db;
      this.files = files;
      this.prefix = prefix;
      this.acknowledged = acknowledged;
    }

    List<String> run() throws Exception {
      awaitOutboxDelivered();
      Map<String, Integer> statuses = new HashMap<>();
      Map<String, Long> ids = new HashMap<>();
      Map<String, Integer> perApplicant = new HashMap<>();
      query("select id, code, status, applicant_name from dossier where applicant_name like ?", r -> {
        ids.put(r.getString(2), r.getLong(1));
        statuses.put(r.getString(2), r.getInt(3));
        perApplicant.merge(r.getString(4), 1, Integer::sum);
      }, prefix + "%");
      Set<String> missing = new HashSet<>(acknowledged.keySet());
      missing.removeAll(statuses.keySet());
      check(missing.isEmpty(), "acknowledged dossiers missing: " + missing);
      Set<String> unacknowledged = new HashSet<>(statuses.keySet());
      unacknowledged.removeAll(acknowledged.keySet());
      check(unacknowledged.isEmpty(), "dossiers stored whose submission was never acknowledged nor found after a lost "
          + "answer: " + unacknowledged);
      long twice = perApplicant.values().stream().filter(n -> n > 1).count();
      check(twice == 0, twice + " applicants with more than one dossier (a submission sent again after it committed)");
      Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
      statuses.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
      System.out.printf(Locale.ROOT, "%nChecks: %d dossiers acknowledged, %d stored by the run, by status %s%n",
          acknowledged.size(), statuses.size(), byStatus);

      // The last history line's status is the dossier's.
      List<String> historyOff = new ArrayList<>();
      query("select d.code, d.status, (select e.status_code from dossier_event e where e.dossier_id = d.id"
          + " order by e.at desc, e.id desc limit 1) from dossier d where d.applicant_name like ?", r -> {
            if (r.getObject(3) == null || r.getInt(3) != r.getInt(2)) {
              historyOff.add(r.getString(1) + " status " + r.getInt(2) + ", last history " + r.getObject(3));
            }
          }, prefix + "%");
      check(historyOff.isEmpty(), "last history status differs from the dossier's: " + first(historyOff));

      // The process: one running instance of the dossier's model while it is open, none once returned.
      Map<String, Integer> processes = new HashMap<>();
      query("select business_key_, count(*) from act_ru_execution where parent_id_ is null and super_exec_ is null"
          + " and business_key_ like '%' group by business_key_", r -> processes.put(r.getString(1), r.getInt(2)));
      List<String> processOff = new ArrayList<>();
      statuses.forEach((code, status) -> {
        int expected = status == 10 ? 0 : 1;
        int found = processes.getOrDefault(code, 0);
        if (found != expected) {
          processOff.add(code + " status " + status + ": " + found + " running processes");
        }
      });
      check(processOff.isEmpty(), processOff.size() + " dossiers without their process (or with one too many): "
          + first(processOff));
      // Open dossiers have an open step (a user task) or wait on a timer or message.
      long stuck = count("select count(*) from dossier d where d.applicant_name like ? and d.status <> 10 and not"
          + " exists (select 1 from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
          + " where e.business_key_ = d.code)", prefix + "%");
      check(stuck == 0, stuck + " open dossiers with no open task");

      // Nothing without its dossier, anywhere in the database.
      orphans("running processes", "select count(*) from act_ru_execution e where e.parent_id_ is null and"
          + " e.business_key_ is not null and not exists (select 1 from dossier d where d.code = e.business_key_)");
      orphans("history lines", "select count(*) from dossier_event e where not exists (select 1 from dossier d"
          + " where d.id = e.dossier_id)");
      orphans("step records", "select count(*) from dossier_step s where not exists (select 1 from dossier d"
          + " where d.id = s.dossier_id)");
      orphans("documents", "select count(*) from document x where not exists (select 1 from dossier d"
          + " where d.id = x.dossier_id)");
      orphans("outbox rows", "select count(*) from outbox_event o where not exists (select 1 from dossier d"
          + " where d.code = o.dossier_code)");

      // Documents: the two components, the result once returned, each file on disk with its size.
      List<String> documentsOff = new ArrayList<>();
      query("select d.code, d.status, count(*) filter (where x.kind = 'COMPONENT'),"
          + " count(*) filter (where x.kind = 'RESULT') from dossier d left join document x on x.dossier_id = d.id"
          + " where d.applicant_name like ? group by d.code, d.status", r -> {
            int components = r.getInt(3);
            int results = r.getInt(4);
            boolean resultOk = r.getInt(2) == 10 ? results == 1 : results <= 1;
            if (components != 2 || !resultOk) {
              documentsOff.add(r.getString(1) + " status " + r.getInt(2) + ": " + components + " components, "
                  + results + " results");
            }
          }, prefix + "%");
      check(documentsOff.isEmpty(), documentsOff.size() + " dossiers without exactly their documents: "
          + first(documentsOff));
      Set<String> keys = new HashSet<>();
      List<String> filesOff = new ArrayList<>();
      query("select storage_key, size_bytes from document", r -> {
        keys.add(r.getString(1));
        Path file = files.resolve(r.getString(1));
        try {
          if (!Files.exists(file) || Files.size(file) != r.getLong(2)) {
            filesOff.add(r.getString(1));
          }
        } catch (IOException e) {
          filesOff.add(r.getString(1) + " " + e);
        }
      });
      check(filesOff.isEmpty(), filesOff.size() + " stored documents whose file is missing or of another size: "
          + first(filesOff));
      long unreferenced;
      long partial;
      try (Stream<Path> walk = Files.walk(files)) {
        List<Path> all = walk.filter(Files::isRegularFile).toList();
        partial = all.stream().filter(p -> p.getFileName().toString().endsWith(".part")).count();
        unreferenced = all.stream().filter(p -> !p.getFileName().toString().endsWith(".part"))
            .filter(p -> !keys.contains(files.relativize(p).toString().replace('\\', '/'))).count();
      }
      System.out.printf(Locale.ROOT, "Files on disk: %d stored documents; %d files no row refers to (written by a "
          + "transaction that then died or was refused), %d half-written (.part)%n", keys.size(), unreferenced,
          partial);

      // The outbox: one event per status change of each dossier, all delivered.
      Map<Long, List<Integer>> history = new HashMap<>();
      query("select e.dossier_id, e.status_code from dossier_event e join dossier d on d.id = e.dossier_id"
          + " where d.applicant_name like ? order by e.dossier_id, e.at, e.id", r -> history
          .computeIfAbsent(r.getLong(1), id -> new ArrayList<>()).add(r.getInt(2)), prefix + "%");
      Map<String, Integer> outbox = new HashMap<>();
      query("select dossier_code, count(*) from outbox_event where topic = 'dossier.status-changed'"
          + " group by dossier_code",
          r -> outbox.put(r.getString(1), r.getInt(2)));
      List<String> outboxOff = new ArrayList<>();
      ids.forEach((code, id) -> {
        int changes = 0;
        Integer previous = null;
        for (int s : history.getOrDefault(id, List.of())) {
          if (previous == null || s != previous) {
            changes++;
          }
          previous = s;
        }
        if (outbox.getOrDefault(code, 0) != changes) {
          outboxOff.add(code + ": " + changes + " status changes, " + outbox.getOrDefault(code, 0) + " events");
        }
      });
      check(outboxOff.isEmpty(), outboxOff.size() + " dossiers whose outbox events differ from their status "
          + "changes: " + first(outboxOff));
      long undelivered = count("select count(*) from outbox_event where delivered_at is null");
      check(undelivered == 0, undelivered + " outbox rows never delivered");
      long failedJobs = count("select count(*) from act_ru_job where retries_ = 0");
      check(failedJobs == 0, failedJobs + " engine jobs failed for good");
      System.out.printf(Locale.ROOT, "Outbox: %d rows, %d undelivered; engine jobs failed for good: %d%n",
          count("select count(*) from outbox_event"), undelivered, failedJobs);
      return failures;
    }

    private void awaitOutboxDelivered() throws Exception {
      long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (System.nanoTime() < until && count("select count(*) from outbox_event where delivered_at is null") > 0) {
        Thread.sleep(1000);
      }
    }

    private void orphans(String what, String sql) throws SQLException {
      long n = count(sql);
      System.out.printf(Locale.ROOT, "Orphan %s (no dossier): %d%n", what, n);
      check(n == 0, n + " " + what + " without their dossier");
    }

    private void check(boolean ok, String failure) {
      if (!ok) {
        failures.add(failure);
      }
    }

    private static String first(List<String> items) {
      return items.size() <= 5 ? items.toString() : items.subList(0, 5) + " …";
    }

    interface Row {
      void accept(ResultSet r) throws SQLException;
    }

    private void query(String sql, Row row, Object... params) throws SQLException {
      try (PreparedStatement s = db.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          s.setObject(i + 1, params[i]);
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            row.accept(r);
          }
        }
      }
    }

    private long count(String sql, Object... params) throws SQLException {
      long[] n = new long[1];
      query(sql, r -> n[0] = r.getLong(1), params);
      return n[0];
    }
  }

  /** One node: this same jar in a JVM of its own, on a fixed port (a restart takes the same one). */
  static final class Node {
    final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private Process process;

    Node(String name, Path work, String heap, List<String> args) throws IOException {
      this.name = name;
      try (ServerSocket socket = new ServerSocket(0)) {
        this.port = socket.getLocalPort();
      }
      this.log = work.resolve("node-" + name + ".log");
      String javaCommand = ProcessHandle.current().info().command().orElse("java");
      String classPath = System.getProperty("java.class.path");
      List<String> c = new ArrayList<>(List.of(javaCommand, "-Xmx" + heap, "-Dfile.encoding=UTF-8"));
      if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
        c.addAll(List.of("-jar", Path.of(classPath).toAbsolutePath().toString()));
      } else {
        c.addAll(List.of("-cp", classPath, "org.motcua.MotcuaApplication"));
      }
      c.add("--server.port=" + port);
      c.addAll(args);
      this.command = c;
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
      return process.pid();
    }

    void start() throws IOException {
      Files.writeString(log, "==== start " + Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).directory(log.getParent().toFile()).start();
    }

    void awaitReady() throws Exception {
      long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (System.nanoTime() < until) {
        if (!process.isAlive()) {
          throw new IllegalStateException("node " + name + " stopped at start-up, see " + log);
        }
        try {
          HttpURLConnection c = (HttpURLConnection) uri().resolve("/actuator/health/readiness").toURL()
              .openConnection();
          c.setConnectTimeout(1_000);
          c.setReadTimeout(5_000);
          if (c.getResponseCode() == 200) {
            c.getInputStream().readAllBytes();
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException("node " + name + " not ready after 5 minutes, see " + log);
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    void killHard() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    void stop() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
