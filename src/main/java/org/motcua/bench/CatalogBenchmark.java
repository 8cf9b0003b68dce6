package org.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.motcua.catalog.Catalog;

/**
 * The catalogue benchmark (issue 15, "Scale"), a command that starts the service twice and measures it over HTTP:
 * <pre>
 * java -jar motcua.jar catalog-benchmark [--procedures=2000] [--communes=100] [--seed=15] [--searches=1000]
 *     [--clients=4] [--dossiers=200] [--warmup=1000] [--rounds=4] [--database=h2|postgres]
 *     [--postgres-url=jdbc:postgresql://127.0.0.1:5432/] [--work=DIR] [--node.X=Y …]
 * </pre>
 * It writes a province-sized catalogue ({@link CatalogGenerator}) and starts two nodes of this same jar, each on a
 * new database of its own (an H2 file under the work folder, or a PostgreSQL database created on the server of
 * {@code --postgres-url}, user {@code MOTCUA_DB_USER}, default postgres): one on today's catalogue (the one packaged),
 * one on the generated catalogue. Options {@code --node.X=Y} are passed to both as {@code --X=Y}. On each node it
 * runs {@code --searches} searches of each kind with {@code --clients} concurrent clients, after as many to warm up:
 * by words of a procedure's name typed without diacritics, by field, by receiving agency, by words and agency, and
 * the catalogue page {@code /procedures} with any of these; p50/p99 per kind. Then submission throughput: the
 * lifecycle of {@link LifecycleBenchmark} (submission to return over the API), warmed up on both nodes, then
 * {@code --dossiers} on each in alternating rounds, and the ratio of the generated catalogue's rate to today's.
 */
final class CatalogBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] KINDS = {"name", "field", "agency", "name+agency", "page"};

  private CatalogBenchmark() {
  }

  static void main(Map<String, String> options) throws Exception {
    int procedures = intOption(options, "procedures", 2000);
    int communes = intOption(options, "communes", 100);
    long seed = Long.parseLong(options.getOrDefault("seed", "15"));
    int searches = intOption(options, "searches", 1000);
    int clients = intOption(options, "clients", 4);
    int dossiers = intOption(options, "dossiers", 200);
    int warmup = intOption(options, "warmup", 1000);
    int rounds = Math.max(1, Math.min(intOption(options, "rounds", 4), dossiers));
    String database = options.getOrDefault("database", "h2").toLowerCase(Locale.ROOT);
    Path work = Path.of(options.getOrDefault("work", "target/catalog-benchmark"));
    Files.createDirectories(work);
    System.setProperty("http.maxConnections", String.valueOf(Math.max(5, clients)));

    CatalogGenerator.Result generated = CatalogGenerator.generate(
        options.getOrDefault("from", "classpath:config/"), work.resolve("generated-config"), procedures, communes,
        seed);
    System.out.printf(Locale.ROOT, "Generated %d procedures, %d communes in %s%n", generated.procedures(),
        generated.communes(), generated.dir());
    List<String> extra = new ArrayList<>();
    options.forEach((k, v) -> {
      if (k.startsWith("node.")) {
        extra.add("--" + k.substring("node.".length()) + "=" + v);
      }
    });

    Node today = null;
    Node big = null;
    try {
      today = Node.start("today", null, database, options, work, extra);
      big = Node.start("generated", generated.dir(), database, options, work, extra);
      today.awaitReady();
      big.awaitReady();
      Catalogue todayCatalogue = Catalogue.read(today.uri);
      Catalogue bigCatalogue = Catalogue.read(big.uri);
      System.out.printf(Locale.ROOT, "Catalogues served: today %d procedures, %d agencies; generated %d procedures,"
          + " %d agencies%n", todayCatalogue.names.size(), todayCatalogue.agencies.size(),
          bigCatalogue.names.size(), bigCatalogue.agencies.size());

      Map<String, long[]> todaySearch = new LinkedHashMap<>();
      Map<String, long[]> bigSearch = new LinkedHashMap<>();
      double loadBefore = loadAverage();
      for (String kind : KINDS) {
        // Warm-up, then measured; the two nodes in turn, kind by kind.
        search(today.uri, todayCatalogue, kind, searches, clients, seed);
        search(big.uri, bigCatalogue, kind, searches, clients, seed);
        todaySearch.put(kind, search(today.uri, todayCatalogue, kind, searches, clients, seed + 1));
        bigSearch.put(kind, search(big.uri, bigCatalogue, kind, searches, clients, seed + 1));
      }
      double loadAfterSearch = loadAverage();

      LifecycleBenchmark.Run todayRun = LifecycleBenchmark.Run.NONE;
      LifecycleBenchmark.Run bigRun = LifecycleBenchmark.Run.NONE;
      for (int done = 0; done < warmup; done += 250) {
        int size = Math.min(250, warmup - done);
        lifecycles(today, size, clients);
        lifecycles(big, size, clients);
      }
      for (int round = 0; round < rounds; round++) {
        int size = dossiers / rounds + (round < dossiers % rounds ? 1 : 0);
        todayRun = todayRun.plus(lifecycles(today, size, clients));
        bigRun = bigRun.plus(lifecycles(big, size, clients));
      }
      double loadAfter = loadAverage();

      System.out.printf(Locale.ROOT, "%nCatalogue benchmark, %s, %s: %d searches of each kind after %d to warm up, "
          + "%d concurrent clients; load average %.1f / %.1f / %.1f (start / after searches / end), %d cores%n",
          java.time.LocalDate.now(), database.equals("postgres") ? "PostgreSQL" : "H2", searches, searches,
          clients, loadBefore, loadAfterSearch, loadAfter, Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "| search (p50 / p99 ms) | today's catalogue (%d procedures) | generated "
          + "(%d procedures, %d communes) |%n", todayCatalogue.names.size(), bigCatalogue.names.size(),
          generated.communes());
      System.out.println("|---|---|---|");
      for (String kind : KINDS) {
        System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f | %.1f / %.1f |%n", kind,
            LifecycleBenchmark.percentile(todaySearch.get(kind), 50),
            LifecycleBenchmark.percentile(todaySearch.get(kind), 99),
            LifecycleBenchmark.percentile(bigSearch.get(kind), 50),
            LifecycleBenchmark.percentile(bigSearch.get(kind), 99));
      }
      System.out.printf(Locale.ROOT, "%nSubmission throughput: %d lifecycles on each node after %d to warm up, "
          + "%d rounds alternating%n", dossiers, warmup, rounds);
      System.out.println("| catalogue | lifecycles/s | submission p50 / p99 (ms) | task completion p50 / p99 (ms) |");
      System.out.println("|---|---|---|---|");
      print("today's", dossiers, todayRun);
      print("generated", dossiers, bigRun);
      System.out.printf(Locale.ROOT, "generated / today's: %.0f %%%n",
          100.0 * LifecycleBenchmark.rate(dossiers, bigRun) / LifecycleBenchmark.rate(dossiers, todayRun));
    } finally {
      if (today != null) {
        today.stop();
      }
      if (big != null) {
        big.stop();
      }
    }
  }

  private static void print(String label, int dossiers, LifecycleBenchmark.Run run) {
    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f / %.1f | %.1f / %.1f |%n", label,
        LifecycleBenchmark.rate(dossiers, run),
        LifecycleBenchmark.percentile(run.submissions(), 50), LifecycleBenchmark.percentile(run.submissions(), 99),
        LifecycleBenchmark.percentile(run.completions(), 50), LifecycleBenchmark.percentile(run.completions(), 99));
  }

  /** Carries {@code count} lifecycles on the node and checks that every dossier ended returned (status 10). */
  private static LifecycleBenchmark.Run lifecycles(Node node, int count, int clients) throws Exception {
    List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
    LifecycleBenchmark.Run run = LifecycleBenchmark.carry(count, clients, (submissions, completions) ->
        codes.add(LifecycleBenchmark.lifecycle(() -> node.uri, submissions, completions)));
    for (String code : codes) {
      JsonNode dossier = JSON.readTree(get(node.uri, "/api/dossiers/" + code, "citizen").body);
      if (dossier.path("status").asInt() != 10) {
        throw new IllegalStateException(code + " ended with status " + dossier.path("status"));
      }
    }
    return run;
  }

  /** {@code count} searches of one kind with {@code clients} concurrent clients; their latencies in nanoseconds. */
  private static long[] search(URI node, Catalogue catalogue, String kind, int count, int clients, long seed)
      throws Exception {
    Random random = new Random(seed ^ kind.hashCode());
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      queries.add(catalogue.query(kind, random));
    }
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            Query q = queries.get(i);
            long t0 = System.nanoTime();
            Answer answer = get(node, q.path, null);
            latencies[i] = System.nanoTime() - t0;
            q.check(answer);
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return latencies;
  }

  /** One search and what its answer must show. */
  private record Query(String path, String expectedCode) {

    /** A search made from a procedure's own words must find something, and on its first page that procedure. */
    void check(Answer answer) {
      if (expectedCode == null) {
        return;
      }
      String total = answer.totalCount;
      boolean found = path.startsWith("/api/") ? total != null && Integer.parseInt(total) > 0
          : answer.body.length > 0;
      if (!found) {
        throw new IllegalStateException(path + " found nothing, expected at least " + expectedCode);
      }
    }
  }

  /** What the searches are made of, read from the node's own API. */
  private record Catalogue(List<String> names, List<String> codes, List<String> fields, List<String> agencies,
      List<List<String>> offerings) {

    static Catalogue read(URI node) throws Exception {
      List<String> names = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      List<List<String>> offerings = new ArrayList<>();
      LinkedHashSet<String> fields = new LinkedHashSet<>();
      LinkedHashSet<String> agencies = new LinkedHashSet<>();
      for (int page = 0; ; page++) {
        JsonNode list = JSON.readTree(get(node, "/api/procedures?size=500&page=" + page, null).body);
        if (list.isEmpty()) {
          break;
        }
        for (JsonNode p : list) {
          names.add(p.path("name").asText());
          codes.add(p.path("code").asText());
          fields.add(p.path("field").asText());
          List<String> offered = p.path("offerings").findValuesAsText("agencyCode");
          offerings.add(offered);
          agencies.addAll(offered);
        }
      }
      return new Catalogue(names, codes, List.copyOf(fields), List.copyOf(agencies), offerings);
    }

    Query query(String kind, Random random) {
      int i = random.nextInt(names.size());
      String agency = offerings.get(i).get(random.nextInt(offerings.get(i).size()));
      // A client pages through results (size=50) as the page does (20): the answer stays the first page, not the
      // whole list that the API gives by default (500).
      return switch (kind) {
        case "name" -> new Query("/api/procedures?size=50&q=" + encode(words(i, random)), codes.get(i));
        case "field" -> new Query("/api/procedures?size=50&field=" + encode(fields.get(random.nextInt(fields.size()))),
            null);
        case "agency" -> new Query("/api/procedures?size=50&agency=" + encode(agency), codes.get(i));
        case "name+agency" -> new Query("/api/procedures?size=50&q=" + encode(words(i, random)) + "&agency="
            + encode(agency), codes.get(i));
        default -> {
          Query api = query(KINDS[random.nextInt(KINDS.length - 1)], random);
          yield new Query("/procedures" + api.path.substring("/api/procedures".length()), null);
        }
      };
    }

    /** Two to four consecutive words of the procedure's name, as a citizen types them: without diacritics. */
    private String words(int i, Random random) {
      String[] words = Catalog.fold(names.get(i)).replaceAll("[^a-z0-9 ]", " ").trim().split(" +");
      int length = Math.min(words.length, 2 + random.nextInt(3));
      int from = random.nextInt(words.length - length + 1);
      return String.join(" ", Arrays.copyOfRange(words, from, from + length));
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private record Answer(byte[] body, String totalCount) {
  }

  /** A GET over a kept-alive connection, anonymous or as a demo user, answered 200. */
  private static Answer get(URI node, String path, String user) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) node.resolve(path).toURL().openConnection();
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(60_000);
    if (user != null) {
      connection.setRequestProperty("Authorization", LifecycleBenchmark.basic(user));
    }
    int status = connection.getResponseCode();
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      byte[] body = in == null ? new byte[0] : in.readAllBytes();
      if (status != 200) {
        throw new IllegalStateException("GET " + path + " answered " + status + ": "
            + new String(body, StandardCharsets.UTF_8));
      }
      return new Answer(body, connection.getHeaderField("X-Total-Count"));
    }
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static int intOption(Map<String, String> options, String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }

  /** A motcua node in a JVM of its own, on a new database. */
  private static final class Node {

    final String name;
    final Process process;
    final URI uri;
    final Path log;

    private Node(String name, Process process, URI uri, Path log) {
      this.name = name;
      this.process = process;
      this.uri = uri;
      this.log = log;
    }

    static Node start(String name, Path configDir, String database, Map<String, String> options, Path work,
        List<String> extra) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Path home = work.resolve(name).toAbsolutePath();
      deleteTree(home);
      Files.createDirectories(home);
      List<String> command = new ArrayList<>(launcher());
      command.add("--server.port=" + port);
      command.add("--motcua.documents.dir=" + home.resolve("files"));
      // The demo accounts are the benchmark's clients; the demo profile's sample payment settings are enough here.
      if (database.equals("postgres")) {
        String server = options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
        String db = "motcua_bench_catalog_" + name;
        String user = System.getenv().getOrDefault("MOTCUA_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("MOTCUA_DB_PASSWORD", "");
        Class.forName("org.postgresql.Driver");
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
            Statement s = c.createStatement()) {
          s.execute("drop database if exists " + db + " with (force)");
          s.execute("create database " + db);
        }
        command.add("--spring.profiles.active=demo,postgres");
        command.add("--spring.datasource.url=" + server + db);
      } else {
        command.add("--spring.profiles.active=demo");
        command.add("--spring.datasource.url=jdbc:h2:file:" + home.resolve("db/motcua")
            + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
      }
      if (configDir != null) {
        command.add("--motcua.config-dir=file:" + configDir.toAbsolutePath() + "/");
      }
      command.addAll(extra);
      Path log = work.resolve(name + ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      System.out.printf(Locale.ROOT, "Node %s: port %d, log %s%n", name, port, log);
      return new Node(name, process, URI.create("http://127.0.0.1:" + port), log);
    }

    void awaitReady() throws Exception {
      long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (System.nanoTime() < until) {
        if (!process.isAlive()) {
          throw new IllegalStateException("node " + name + " stopped at start-up, see " + log);
        }
        try {
          HttpURLConnection c = (HttpURLConnection) uri.resolve("/actuator/health/readiness").toURL().openConnection();
          c.setConnectTimeout(1_000);
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

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }

    /** The same jar (or class path) this JVM runs. */
    private static List<String> launcher() {
      String javaCommand = ProcessHandle.current().info().command().orElse("java");
      String classPath = System.getProperty("java.class.path");
      if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
        return List.of(javaCommand, "-jar", classPath);
      }
      return List.of(javaCommand, "-cp", classPath, "org.motcua.MotcuaApplication");
    }

    private static void deleteTree(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
