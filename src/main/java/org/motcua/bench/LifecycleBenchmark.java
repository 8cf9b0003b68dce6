package org.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.motcua.dossier.DossierFactsView;
import org.motcua.process.ProcessContract.Decisions;
import org.motcua.process.ProcessContract.Tasks;
import org.motcua.process.camunda.BareEngine;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The throughput benchmark (a command, not started otherwise):
 * <pre>
 * java -jar motcua.jar lifecycle-benchmark [--dossiers=300] [--clients=8] [--warmup=2000] [--max-warmup=12000]
 *     [--rounds=5] [--nodes=URL,URL]
 * </pre>
 * Concurrent HTTP clients carry dossiers through the whole lifecycle on this node (or round-robin on the given
 * nodes): online submission with its two component files, reception, appraisal, approval, the e-result upload and
 * the return, each task completed over the API by the id the previous answer named as the dossier's current step. In the
 * same run, the same number of instances go through the same BPMN model on a bare Camunda engine
 * ({@link BareEngine}) with the same number of threads, in rounds alternating with motcua's. Both sides are warmed up
 * first, until the JIT compiler has settled ({@link #warmUp}). Prints lifecycles per second of both, their ratio,
 * p50/p99 of submission and task completion, and the CPU each side's lifecycle cost in this JVM and in a PostgreSQL
 * server on the same host ({@link CpuMeter}).
 */
@Component
class LifecycleBenchmark implements ApplicationRunner {

  private static final String PROCEDURE = "1.000656.000.00.21.H13";
  /** Every commune receives the procedure: the benchmark's dossiers go to phường Vị Thanh, whose officers handle them. */
  private static final String RECEIVING_AGENCY = "000.01.21.H13";
  private static final String AGENCY = "000.01.21.H13";
  private static final String[] COMPONENTS = {"TO_KHAI", "GIAY_BAO_TU"};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PDF = "%PDF-1.4\n% benchmark\n%%EOF\n";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int WARMUP_ROUND = 500;
  private static final double SETTLED_JIT_SHARE = 0.05;

  private final Environment env;
  private final JdbcTemplate jdbc;
  private final ConfigurableApplicationContext context;

  LifecycleBenchmark(Environment env, JdbcTemplate jdbc, ConfigurableApplicationContext context) {
    this.env = env;
    this.jdbc = jdbc;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    if (!args.getNonOptionArgs().equals(List.of("lifecycle-benchmark"))) {
      return;
    }
    int dossiers = option(args, "dossiers", 300);
    int clients = option(args, "clients", 8);
    int warmup = option(args, "warmup", 2000);
    int maxWarmup = Math.max(warmup, option(args, "max-warmup", 12000));
    int rounds = Math.max(1, Math.min(option(args, "rounds", 5), dossiers));
    // One kept-alive connection per client and node (the JDK keeps 5 per server unless told otherwise).
    System.setProperty("http.maxConnections", String.valueOf(Math.max(5, clients)));
    List<URI> nodes = args.containsOption("nodes")
        ? Arrays.stream(args.getOptionValues("nodes").get(0).split(",")).map(URI::create).toList()
        : List.of(URI.create("http://127.0.0.1:" + env.getRequiredProperty("local.server.port")));
    String url = env.getRequiredProperty("spring.datasource.url");
    String database = url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";

    Run motcua;
    Run bare;
    try (BareEngine engine = new BareEngine(url, env.getProperty("spring.datasource.username", "postgres"),
        env.getProperty("spring.datasource.password", ""), "motcua_bench_bare", clients + 2)) {
      int warmedUp = warmUp(engine, nodes, clients, warmup, maxWarmup);
      // Measured in alternating rounds, so that a machine whose speed drifts during the run (a shared host, the JIT
      // still compiling) weighs on both sides alike.
      motcua = Run.NONE;
      bare = Run.NONE;
      for (int round = 0; round < rounds; round++) {
        int size = dossiers / rounds + (round < dossiers % rounds ? 1 : 0);
        motcua = motcua.plus(carryOnMotcua(nodes, size, clients));
        bare = bare.plus(carryOnBare(engine, size, clients));
      }
      if (engine.finished() != warmedUp + dossiers) {
        throw new IllegalStateException("bare engine finished " + engine.finished() + " instances");
      }
    }

    System.out.printf(Locale.ROOT, "%nLifecycle benchmark: %d dossiers, %d concurrent clients, %s, %d motcua node(s)%n",
        dossiers, clients, database, nodes.size());
    System.out.println("| | lifecycles/s | submission p50 / p99 (ms) | task completion p50 / p99 (ms) |");
    System.out.println("|---|---|---|---|");
    print("motcua over HTTP", dossiers, motcua);
    print("bare Camunda engine", dossiers, bare);
    System.out.printf(Locale.ROOT, "motcua / bare engine: %.0f %%%n",
        100.0 * rate(dossiers, motcua) / rate(dossiers, bare));
    System.out.println();
    System.out.println("| CPU per lifecycle | this JVM | of which the client threads | of which the JIT compiler "
        + "| PostgreSQL server | cores busy |");
    System.out.println("|---|---|---|---|---|---|");
    printCpu("motcua over HTTP", dossiers, motcua, database);
    printCpu("bare Camunda engine", dossiers, bare, database);
    System.out.println(
        "(motcua's client threads are the benchmark's HTTP clients; the bare engine's do all its work.)");
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /**
   * Carries lifecycles on both sides, in alternating rounds of {@link #WARMUP_ROUND}, until each side has done
   * {@code atLeast} and the JIT compiler takes less than {@link #SETTLED_JIT_SHARE} of the JVM's CPU on both (or
   * {@code atMost} is reached). motcua runs far more code than the bare engine (Spring MVC, Security, Hibernate,
   * Jackson, Tomcat): after 3000 lifecycles the compiler still took a fifth of its side's CPU, after 8000 a twentieth,
   * while the bare engine had settled. A node in service runs for days, so the steady state is what counts.
   */
  private int warmUp(BareEngine engine, List<URI> nodes, int clients, int atLeast, int atMost) throws Exception {
    int done = 0;
    double motcuaJit;
    double bareJit;
    do {
      int size = Math.min(WARMUP_ROUND, atMost - done);
      motcuaJit = carryOnMotcua(nodes, size, clients).cpu().jitShare();
      bareJit = carryOnBare(engine, size, clients).cpu().jitShare();
      done += size;
    } while (done < atMost && (done < atLeast || motcuaJit > SETTLED_JIT_SHARE || bareJit > SETTLED_JIT_SHARE));
    System.out.printf(Locale.ROOT, "Warm-up: %d lifecycles on each side; in its last round the JIT compiler took"
        + " %s of the JVM's CPU on motcua's side, %s on the bare engine's%n", done, percent(motcuaJit),
        percent(bareJit));
    return done;
  }

  private static String percent(double share) {
    return share < 0 ? "(unknown: no /proc)" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }

  private Run carryOnMotcua(List<URI> nodes, int dossiers, int clients) throws Exception {
    AtomicInteger roundRobin = new AtomicInteger();
    List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
    Run run = carry(dossiers, clients, (submissions, completions) -> codes.add(lifecycle(
        () -> nodes.get(Math.floorMod(roundRobin.getAndIncrement(), nodes.size())), submissions, completions)));
    for (String code : codes) {
      Integer status = jdbc.queryForObject("select status from " + DossierFactsView.NAME + " where code = ?",
          Integer.class, code);
      if (status == null || status != 10) {
        throw new IllegalStateException(code + " ended with status " + status);
      }
    }
    return run;
  }

  private static Run carryOnBare(BareEngine engine, int instances, int clients) throws Exception {
    return carry(instances, clients, (starts, completions) -> engine.carryOne(AGENCY, starts, completions));
  }

  /** One lifecycle, reporting the latency of its first call and of each task completion, in nanoseconds. */
  interface Lifecycle {
    void carry(LongConsumer firstCall, LongConsumer completions) throws Exception;
  }

  /** Carries {@code count} lifecycles with {@code clients} threads, each carrying one lifecycle at a time. */
  static Run carry(int count, int clients, Lifecycle lifecycle) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Long> firstCalls = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Long> completions = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong carrierCpu = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CpuMeter.Reading cpuBefore = CpuMeter.now();
    long began = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          long cpuBegan = THREADS.getCurrentThreadCpuTime();
          while (next.getAndIncrement() < count) {
            lifecycle.carry(firstCalls::add, completions::add);
          }
          carrierCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuBegan);
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    long elapsed = System.nanoTime() - began;
    return new Run(elapsed, firstCalls.stream().mapToLong(Long::longValue).toArray(),
        completions.stream().mapToLong(Long::longValue).toArray(), CpuMeter.now().minus(cpuBefore), carrierCpu.get());
  }

  /**
   * One dossier's lifecycle as the clients of a real deployment carry it: each answer names the dossier's current
   * step, so the officer completes it without searching the inbox (as the dossier page does).
   */
  static String lifecycle(java.util.function.Supplier<URI> node, LongConsumer submissions, LongConsumer completions)
      throws Exception {
    // The submission carries its two component files, as the citizen's submit page and a portal client send it.
    List<String[]> parts = new ArrayList<>();
    parts.add(new String[] {"dossier", null, "application/json", json(Map.of("procedureCode", PROCEDURE,
        "agencyCode", RECEIVING_AGENCY, "applicant", Map.of("name", "Người thử tải", "idNumber", "093085000123", "phone", "0912345678")))});
    for (String component : COMPONENTS) {
      parts.add(new String[] {component, component.toLowerCase(Locale.ROOT) + ".pdf", "application/pdf", PDF});
    }
    long t0 = System.nanoTime();
    JsonNode dossier = multipart(node.get(), "citizen", "/api/dossiers", parts);
    submissions.accept(System.nanoTime() - t0);
    String code = dossier.path("code").asText();
    dossier = complete(node, "clerk.vithanh", dossier, Tasks.RECEPTION, Decisions.ACCEPT, completions);
    dossier = complete(node, "specialist.vithanh", dossier, Tasks.APPRAISAL, Decisions.FORWARD, completions);
    dossier = complete(node, "leader.vithanh", dossier, Tasks.APPROVAL, Decisions.APPROVE, completions);
    multipart(node.get(), "clerk.vithanh", "/api/dossiers/" + code + "/result",
        List.<String[]>of(new String[] {"file", "ket-qua.pdf", "application/pdf", PDF}));
    complete(node, "clerk.vithanh", dossier, Tasks.RESULT_RETURN, Decisions.RETURN, completions);
    return code;
  }

  /** Completes the dossier's current step {@code taskKey}; returns the dossier as the completion left it. */
  private static JsonNode complete(java.util.function.Supplier<URI> node, String officer, JsonNode dossier, String taskKey,
      String decision, LongConsumer completions) throws Exception {
    String taskId = null;
    for (JsonNode step : dossier.path("currentSteps")) {
      if (step.path("taskKey").asText().equals(taskKey)) {
        taskId = step.path("taskId").asText();
      }
    }
    if (taskId == null) {
      throw new IllegalStateException("no " + taskKey + " step for " + dossier.path("code").asText() + ": "
          + dossier.path("currentSteps"));
    }
    long t0 = System.nanoTime();
    JsonNode after = postJson(node.get(), officer, "/api/tasks/" + taskId + "/complete",
        json(Map.of("decision", decision)));
    completions.accept(System.nanoTime() - t0);
    return after;
  }

  /** A JSON POST answered 200. */
  private static JsonNode postJson(URI node, String user, String path, String body) throws Exception {
    return post(node, user, path, "application/json", body.getBytes(StandardCharsets.UTF_8), 200);
  }

  /** A multipart POST answered 201; each part is {name, filename or null, content type, content}. */
  private static JsonNode multipart(URI node, String user, String path, List<String[]> parts) throws Exception {
    String boundary = "motcua-bench-" + System.nanoTime();
    StringBuilder form = new StringBuilder();
    for (String[] part : parts) {
      form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part[0])
          .append('"');
      if (part[1] != null) {
        form.append("; filename=\"").append(part[1]).append('"');
      }
      form.append("\r\nContent-Type: ").append(part[2]).append("\r\n\r\n").append(part[3]).append("\r\n");
    }
    form.append("--").append(boundary).append("--\r\n");
    return post(node, user, path, "multipart/form-data; boundary=" + boundary,
        form.toString().getBytes(StandardCharsets.UTF_8), 201);
  }

  /**
   * One POST over a kept-alive connection. The clients run in this JVM, on the node's own cores, so they use the
   * JDK's plain blocking HTTP client: its CPU is charged to motcua's side of the comparison and should stay small.
   */
  private static JsonNode post(URI node, String user, String path, String contentType, byte[] body, int expected)
      throws Exception {
    HttpURLConnection connection = (HttpURLConnection) node.resolve(path).toURL().openConnection();
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(60_000);
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(body.length);
    connection.setRequestProperty("Authorization", basic(user));
    connection.setRequestProperty("Content-Type", contentType);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    int status = connection.getResponseCode();
    // Reading each answer to its end (and closing it) lets the connection be reused for the next call.
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      byte[] answer = in == null ? new byte[0] : in.readAllBytes();
      if (status != expected) {
        throw new IllegalStateException(path + " answered " + status + ": "
            + new String(answer, StandardCharsets.UTF_8));
      }
      return answer.length == 0 ? JSON.nullNode() : JSON.readTree(answer);
    }
  }

  static String basic(String user) {
    String password = "admin".equals(user) ? "admin" : "demo";
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String json(Object value) throws Exception {
    return JSON.writeValueAsString(value);
  }

  private static int option(ApplicationArguments args, String name, int fallback) {
    return args.containsOption(name) ? Integer.parseInt(args.getOptionValues(name).get(0)) : fallback;
  }

  /** A side's measured rounds: time, latencies, CPU used, and the CPU of the threads that carried the lifecycles. */
  record Run(long elapsedNanos, long[] submissions, long[] completions, CpuMeter.Reading cpu,
      long carrierCpuNanos) {

    static final Run NONE = new Run(0, new long[0], new long[0], CpuMeter.Reading.ZERO, 0);

    Run plus(Run other) {
      return new Run(elapsedNanos + other.elapsedNanos, concat(submissions, other.submissions),
          concat(completions, other.completions), cpu.plus(other.cpu), carrierCpuNanos + other.carrierCpuNanos);
    }

    private static long[] concat(long[] a, long[] b) {
      long[] all = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return all;
    }
  }

  static double rate(int dossiers, Run run) {
    return dossiers / (run.elapsedNanos() / 1e9);
  }

  private static void print(String label, int dossiers, Run run) {
    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f / %.1f | %.1f / %.1f |%n", label, rate(dossiers, run),
        percentile(run.submissions(), 50), percentile(run.submissions(), 99),
        percentile(run.completions(), 50), percentile(run.completions(), 99));
  }

  private static void printCpu(String label, int dossiers, Run run, String database) {
    CpuMeter.Reading cpu = run.cpu();
    String postgres = database.equals("H2") ? "(H2 is in the JVM)"
        : cpu.postgres() > 0 ? String.format(Locale.ROOT, "%.1f ms", cpu.postgres() / 1e6 / dossiers)
        : "not on this host";
    String busy = Double.isNaN(cpu.busyShare()) ? "?" : String.format(Locale.ROOT, "%.0f %%", 100 * cpu.busyShare());
    String jit = cpu.jit() < 0 ? "?" : String.format(Locale.ROOT, "%.1f ms", cpu.jit() / 1e6 / dossiers);
    System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %s | %s | %s |%n", label, cpu.jvm() / 1e6 / dossiers,
        run.carrierCpuNanos() / 1e6 / dossiers, jit, postgres, busy);
  }

  static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
