package org.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded default under a process crash: one motcua JVM on the default H2 file database ({@code ./data/} of its
 * working folder, the URL of application.yml unchanged), four citizens submitting online concurrently, the JVM killed
 * with SIGKILL in the middle of the load and started again on the same files. Every submission answered 201 must be
 * there with its process, its open reception step and its history; no dossier may exist without them, no process
 * without its dossier.
 *
 * <p>{@code -Dmotcua.test.h2.write-delay=500} starts the node with H2's own default write delay instead, to see the
 * test fail on what the default lost before.
 *
 * <p>Runs in the H2 half of the suite (its database is its own H2 file whatever the suite runs on).
 */
@DisabledIfSystemProperty(named = "motcua.test.database", matches = "postgresql")
class H2CrashTest {

  private static final String PROCEDURE = "2.000488.000.00.12.H13";
  private static final int CLIENTS = 4;
  private static final Duration LOAD = Duration.ofSeconds(6);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void everyAcknowledgedSubmissionSurvivesSigkill() throws Exception {
    Path work = Path.of("target", "h2-crash").toAbsolutePath();
    deleteTree(work);
    Files.createDirectories(work);
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--motcua.documents.dir=" + work.resolve("files"),
        "--logging.structured.format.console="));
    String writeDelay = System.getProperty("motcua.test.h2.write-delay");
    if (writeDelay != null) {
      args.add("--spring.datasource.url=jdbc:h2:file:./data/motcua;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
          + ";WRITE_DELAY=" + writeDelay);
    }
    // The node's working folder is `work`, so the default URL's ./data/motcua is work/data/motcua.
    ClusterNode node = new ClusterNode("h2", args, work);
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> inFlightAtKill = new ConcurrentLinkedQueue<>();
    try {
      node.start();
      node.awaitReady(Duration.ofMinutes(3));

      // ---- load, then kill -9 in the middle of it --------------------------------------------------------------
      AtomicBoolean killed = new AtomicBoolean();
      AtomicInteger serial = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(pool.submit(() -> {
          while (true) {
            String applicant = "Khách thử sập %05d".formatted(serial.incrementAndGet());
            HttpResponse<String> r;
            try {
              r = send(node, "POST", "/api/dossiers", Map.of("procedureCode", PROCEDURE, "applicant",
                  Map.of("name", applicant, "idNumber", "093085000123", "phone", "0912345678")));
            } catch (IOException e) {
              // Killed with the request: it may or may not have committed, nobody was told either way.
              assertThat(killed).as("error before the kill: %s", e).isTrue();
              if (!(e instanceof ConnectException)) {
                inFlightAtKill.add(applicant);
              }
              return null;
            }
            assertThat(r.statusCode()).as("submission answer: %s", r.body()).isEqualTo(201);
            acknowledged.add(JSON.readTree(r.body()).path("code").asText());
          }
        }));
      }
      Thread.sleep(LOAD.toMillis());
      int beforeKill = acknowledged.size();
      killed.set(true);
      node.killHard();
      assertThat(node.exitValue()).as("exit status of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);
      for (Future<?> client : clients) {
        client.get();
      }
      pool.shutdown();
      System.out.printf("H2CrashTest: %d submissions acknowledged (%d when the kill was sent), %d in flight%n",
          acknowledged.size(), beforeKill, inFlightAtKill.size());
      assertThat(acknowledged).as("submissions answered 201 before the kill").hasSizeGreaterThan(20);
      assertThat(inFlightAtKill).as("submissions the kill cut off").isNotEmpty();

      // ---- restart on the same files: every acknowledged dossier answers with its history and open step -------
      node.start();
      node.awaitReady(Duration.ofMinutes(3));
      List<String> lost = new ArrayList<>();
      for (String code : acknowledged) {
        HttpResponse<String> r = send(node, "GET", "/api/dossiers/" + code, null);
        if (r.statusCode() != 200) {
          lost.add(code + " → " + r.statusCode());
          continue;
        }
        JsonNode dossier = JSON.readTree(r.body());
        assertThat(dossier.path("status").asInt()).as("status of %s", code).isEqualTo(1);
        assertThat(dossier.path("history").get(0).path("action").asText()).as("history of %s", code)
            .isEqualTo("SUBMITTED");
        assertThat(dossier.path("currentSteps").findValuesAsText("taskKey")).as("open step of %s", code)
            .containsExactly("reception");
      }
      assertThat(lost).as("acknowledged dossiers missing after the restart (of %d)", acknowledged.size()).isEmpty();
    } finally {
      // A clean stop, so the test can open the file itself.
      node.close();
    }

    // ---- nothing half there, in either direction ---------------------------------------------------------------
    SingleConnectionDataSource ds = new SingleConnectionDataSource(
        "jdbc:h2:file:" + work.resolve("data/motcua") + ";IFEXISTS=TRUE", "sa", "", true);
    try {
      JdbcTemplate db = new JdbcTemplate(ds);
      List<Map<String, Object>> dossiers = db.queryForList(
          "select id, code, process_instance_id, applicant_name from dossier where applicant_name like 'Khách thử sập %'");
      Set<String> stored = new HashSet<>();
      for (Map<String, Object> d : dossiers) {
        String code = (String) d.get("code");
        stored.add(code);
        assertThat(db.queryForObject("select count(*) from act_ru_execution where id_ = ? and business_key_ = ?"
            + " and parent_id_ is null", Integer.class, d.get("process_instance_id"), code))
            .as("process of %s", code).isEqualTo(1);
        // The reception task belongs to the intake the model calls: a process instance with the same business key.
        assertThat(db.queryForList("select t.task_def_key_ from act_ru_task t join act_ru_execution p"
            + " on p.id_ = t.proc_inst_id_ where p.business_key_ = ?", String.class, code))
            .as("open step of %s", code).containsExactly("reception");
        assertThat(db.queryForObject("select count(*) from dossier_event where dossier_id = ? and action = 'SUBMITTED'",
            Integer.class, d.get("id"))).as("history of %s", code).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from outbox_event where dossier_code = ?"
            + " and topic = 'dossier.status-changed'", Integer.class, code))
            .as("status event of %s", code).isEqualTo(1);
      }
      // The reverse: nothing of a dossier that is not there.
      Integrity.assertNothingWithoutItsDossier(db);
      assertThat(stored).as("acknowledged dossiers in the file").containsAll(acknowledged);
      // Besides the acknowledged ones, only submissions whose answer the kill cut off (committed or not).
      List<String> unacknowledged = dossiers.stream().filter(d -> !acknowledged.contains((String) d.get("code")))
          .map(d -> (String) d.get("applicant_name")).toList();
      assertThat(unacknowledged).as("dossiers nobody was told about").isSubsetOf(inFlightAtKill);
      System.out.printf("H2CrashTest: %d dossiers stored, %d of them committed but never acknowledged%n",
          dossiers.size(), unacknowledged.size());
    } finally {
      ds.destroy();
    }
  }

  private HttpResponse<String> send(ClusterNode node, String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.base().resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("citizen:demo".getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
