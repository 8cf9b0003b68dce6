package org.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.motcua.outbox.Receiver;
import org.motcua.support.TestProfiles;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/**
 * Two motcua JVMs on one PostgreSQL schema, both running the job executor; concurrent submissions and task
 * completions split round-robin across them (as nginx would); one node is killed with {@code kill -9} in the middle
 * of the load and restarted. Afterwards every dossier is there exactly once, each history agrees with its status and
 * with the engine, every timer that came due fired exactly once, and every status change reached the (HTTP) status
 * receiver through the outbox. PostgreSQL only: the H2 run skips it.
 */
@EnabledIfSystemProperty(named = "motcua.test.database", matches = "postgresql")
class TwoNodeCrashTest {

  private static final String PROCEDURE = "2.000488.000.00.12.H13";
  private static final int DOSSIERS = 24;
  private static final int WORKERS = 6;
  /** Steps of a full lifecycle: submit, two uploads, accept, forward, approve, pay, e-result, return. */
  private static final int STEPS = 9;
  private static final ObjectMapper JSON = new ObjectMapper();

  static String schema;
  static JdbcTemplate db;
  static Receiver receiver;
  static ClusterNode a;
  static ClusterNode b;
  static RestTemplate rest;

  @BeforeAll
  static void startCluster() throws Exception {
    String url = System.getProperty("motcua.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    schema = TestProfiles.freshSchema("_cluster");
    SingleConnectionDataSource ds = new SingleConnectionDataSource(url + "?currentSchema=" + schema, "postgres", "",
        true);
    db = new JdbcTemplate(ds);
    receiver = new Receiver();
    Path logs = Path.of("target", "cluster").toAbsolutePath();
    List<String> args = List.of(
        "--spring.profiles.active=demo,postgres,test-postgres",
        "--motcua.test.pg.url=" + url, "--motcua.test.pg.schema=" + schema,
        "--spring.datasource.hikari.maximum-pool-size=8",
        // Full engine history for the engine's job log, which shows that each timer ran exactly once.
        "--camunda.bpm.history-level=full",
        "--motcua.documents.dir=" + logs.resolve("files").toAbsolutePath(),
        // Jobs a dead node had locked are taken over once their lock expires: 10 s here (5 min by default).
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--motcua.outbox.http.url=" + receiver.url(),
        "--motcua.outbox.poll-interval=PT0.5S",
        "--logging.structured.format.console=");
    a = new ClusterNode("a", args, logs);
    b = new ClusterNode("b", args, logs);
    // The first node creates the schema (Flyway, Camunda) and the demo accounts; the second joins it.
    a.start();
    a.awaitReady(Duration.ofMinutes(3));
    b.start();
    b.awaitReady(Duration.ofMinutes(3));
    // No automatic re-sending: the test itself decides what to do when a node dies with a request.
    rest = new RestTemplate(new HttpComponentsClientHttpRequestFactory(
        org.apache.hc.client5.http.impl.classic.HttpClients.custom().disableAutomaticRetries()
            .disableRedirectHandling().disableCookieManagement().build()));
    rest.setErrorHandler(new ResponseErrorHandler() {
      @Override
      public boolean hasError(ClientHttpResponse response) {
        return false;
      }

      @Override
      public void handleError(ClientHttpResponse response) {
      }
    });
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private final AtomicInteger roundRobin = new AtomicInteger();
  private final AtomicInteger stepsDone = new AtomicInteger();
  private final AtomicInteger uncertain = new AtomicInteger();
  private final Map<Integer, String> codes = new java.util.concurrent.ConcurrentHashMap<>();
  /** Counted down when node b is back (the last step of each client's last dossier waits for it). */
  private final java.util.concurrent.CountDownLatch restarted = new java.util.concurrent.CountDownLatch(1);
  private final AtomicInteger servedByRestartedB = new AtomicInteger();

  @Test
  void aNodeKilledMidLoadLosesNothingAndEveryDueTimerFiresOnce() throws Exception {
    // A citizen signs in on the pages of node a; the session is in the database, so node b knows them too.
    String session = signIn(a, "citizen", "demo");
    assertThat(pageStatus(b, "/citizen/dossiers", session)).isEqualTo(200);
    assertThat(pageStatus(b, "/citizen/dossiers", null)).isEqualTo(302);

    ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
    try {
      Future<?> crash = pool.submit(() -> {
        int parked = DOSSIERS / 4;
        int total = (DOSSIERS - parked) * STEPS + parked * 4;
        while (stepsDone.get() < total * 3 / 10) {
          Thread.sleep(50);
        }
        long pid = b.pid();
        b.killHard();
        System.out.printf("kill -9 node b (pid %d) after %d of %d steps%n", pid, stepsDone.get(), total);
        Thread.sleep(2000);
        b.start();
        b.awaitReady(Duration.ofMinutes(3));
        System.out.printf("node b back after %d steps%n", stepsDone.get());
        restarted.countDown();
        return null;
      });
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        workers.add(pool.submit(() -> {
          for (int i = worker; i < DOSSIERS; i += WORKERS) {
            carry(i);
          }
          return null;
        }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
      crash.get();
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("load done: %d steps, %d answers lost in the crash, %d requests served by b after its restart%n",
        stepsDone.get(), uncertain.get(), servedByRestartedB.get());
    assertThat(servedByRestartedB.get()).as("requests served by the restarted node").isPositive();

    awaitSettled();
    // The session outlived the kill of node b, which serves it again after its restart.
    assertThat(pageStatus(b, "/citizen/dossiers", session)).isEqualTo(200);
    checkDossiers();
    checkTimers();
    checkOutbox();
  }

  // ---- the load -------------------------------------------------------------------------------------------------

  /** One dossier through its lifecycle; every fourth stays in appraisal with its timers made due now. */
  private void carry(int i) throws Exception {
    boolean parked = i % 4 == 3;
    String code = submit(i);
    codes.put(i, code);
    upload("citizen", code, "TO_KHAI");
    upload("citizen", code, "GIAY_TO_TUY_THAN");
    completeTask("clerk.stp", code, "reception", "accept");
    if (parked) {
      // Both timers of the handling phase (the due-soon warning and the due date) come due within seconds, while the
      // load goes on and around the crash; the job executors of both nodes fire them.
      db.update("update act_ru_job set duedate_ = now() + (? * interval '1 second') where type_ = 'timer'"
          + " and process_instance_id_ in (select id_ from act_ru_execution where business_key_ = ? and parent_id_ is null)",
          (i % 5) * 3, code);
      return;
    }
    completeTask("specialist.stp", code, "appraisal", "forward");
    completeTask("leader.stp", code, "approval", "approve");
    pay(code);
    uploadResult(code);
    if (i >= DOSSIERS - WORKERS) {
      // Each client's last dossier is returned once node b is back, so the restarted node takes load too.
      assertThat(restarted.await(4, java.util.concurrent.TimeUnit.MINUTES)).as("node b restarted").isTrue();
    }
    completeTask("clerk.stp", code, "resultReturn", "return");
  }

  private String submit(int i) throws Exception {
    Map<String, Object> body = Map.of("procedureCode", PROCEDURE, "applicant", Map.of(
        "name", applicant(i), "idNumber", "093085000123", "phone", "0912345678"));
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        Reply r = call(HttpMethod.POST, "citizen", "/api/dossiers", body);
        if (r.status == 201) {
          stepsDone.incrementAndGet();
          return r.body.path("code").asText();
        }
        pause(r);
      } catch (Uncertain e) {
        // The node died with the request: look whether the submission committed before sending it again.
        List<String> found = db.queryForList("select code from dossier where applicant_name = ?", String.class,
            applicant(i));
        if (!found.isEmpty()) {
          stepsDone.incrementAndGet();
          return found.get(0);
        }
      }
    }
    throw new AssertionError("could not submit dossier " + i);
  }

  private void upload(String user, String code, String component) throws Exception {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("component", component);
    form.add("file", pdf(component.toLowerCase() + ".pdf", component));
    retry("upload " + component + " " + code, () -> call(HttpMethod.POST, user,
        "/api/dossiers/" + code + "/documents", form).status == 201, () -> false);
  }

  private void uploadResult(String code) throws Exception {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", pdf("ket-qua.pdf", "Kết quả " + code));
    retry("result " + code, () -> call(HttpMethod.POST, "leader.stp", "/api/dossiers/" + code + "/result", form)
        .status == 201, () -> false);
  }

  private void pay(String code) throws Exception {
    retry("pay " + code, () -> call(HttpMethod.POST, "clerk.stp", "/api/dossiers/" + code + "/payments/counter",
            Map.of("method", "CASH", "receiptNumber", "BL-" + code)).status == 200,
        () -> call(HttpMethod.GET, "clerk.stp", "/api/dossiers/" + code + "/payments", null).body.toString()
            .contains("\"PAID\""));
  }

  private void completeTask(String officer, String code, String taskKey, String decision) throws Exception {
    retry(taskKey + " " + code, () -> {
      String taskId = taskOf(officer, code, taskKey);
      if (taskId == null) {
        throw new AssertionError("no " + taskKey + " task of " + code + " for " + officer);
      }
      return call(HttpMethod.POST, officer, "/api/tasks/" + taskId + "/complete", Map.of("decision", decision))
          .status == 200;
    }, () -> taskOf(officer, code, taskKey) == null);
  }

  private String taskOf(String officer, String code, String taskKey) throws Exception {
    Reply inbox = call(HttpMethod.GET, officer, "/api/tasks?size=200", null);
    for (JsonNode t : inbox.body.path("items")) {
      if (t.path("dossierCode").asText().equals(code) && t.path("taskKey").asText().equals(taskKey)) {
        return t.path("id").asText();
      }
    }
    return null;
  }

  private interface Step {
    boolean run() throws Exception;
  }

  /**
   * Runs a step until it is accepted. When its answer was lost in the crash, or it was refused (e.g. the task was
   * completed by the request that lost its answer), {@code done} tells whether it took effect after all.
   */
  private void retry(String what, Step step, Step done) throws Exception {
    boolean first = true;
    for (int attempt = 0; attempt < 15; attempt++) {
      try {
        if (!first && done.run()) {
          stepsDone.incrementAndGet();
          return;
        }
        first = false;
        if (step.run()) {
          stepsDone.incrementAndGet();
          return;
        }
      } catch (Uncertain e) {
        first = false;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("step never accepted: " + what);
  }

  // ---- HTTP across the two nodes --------------------------------------------------------------------------------

  private record Reply(int status, JsonNode body) {
  }

  /** Thrown when a node died with the request: it may or may not have been carried out. */
  private static final class Uncertain extends Exception {
    Uncertain(Throwable cause) {
      super(cause);
    }
  }

  /** Round-robin over the nodes; a node that refuses the connection is skipped, like nginx's proxy_next_upstream. */
  private Reply call(HttpMethod method, String user, String path, Object body) throws Uncertain {
    int first = roundRobin.getAndIncrement();
    for (int n = 0; n < 4; n++) {
      ClusterNode node = (first + n) % 2 == 0 ? a : b;
      HttpHeaders headers = new HttpHeaders();
      String password = "admin".equals(user) ? "admin" : "demo";
      headers.set("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      if (body instanceof LinkedMultiValueMap) {
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      } else if (body != null) {
        headers.setContentType(MediaType.APPLICATION_JSON);
      }
      try {
        ResponseEntity<byte[]> r = rest.exchange(node.base().resolve(path), method, new HttpEntity<>(body, headers),
            byte[].class);
        if (r.getStatusCode().value() == 502 || r.getStatusCode().value() == 503) {
          continue;
        }
        if (node == b && restarted.getCount() == 0) {
          servedByRestartedB.incrementAndGet();
        }
        JsonNode json = r.getBody() == null || r.getBody().length == 0 ? JSON.nullNode() : JSON.readTree(r.getBody());
        return new Reply(r.getStatusCode().value(), json);
      } catch (ResourceAccessException e) {
        if (e.getCause() instanceof ConnectException) {
          continue;
        }
        uncertain.incrementAndGet();
        throw new Uncertain(e);
      } catch (org.springframework.web.client.RestClientException e) {
        // The node died while sending its answer (a chunked body cut short): carried out or not, nobody knows.
        if (!(e.getMostSpecificCause() instanceof java.io.IOException)) {
          throw e;
        }
        uncertain.incrementAndGet();
        throw new Uncertain(e);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new Uncertain(new ConnectException("no node reachable"));
  }

  /** Signs in through the login form of a node; returns the session cookie ({@code SESSION=…}). */
  private static String signIn(ClusterNode node, String user, String password) {
    ResponseEntity<String> page = rest.getForEntity(node.base().resolve("/login"), String.class);
    String cookie = sessionCookie(page.getHeaders());
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
        .matcher(page.getBody());
    assertThat(csrf.find()).as("csrf field on the login page").isTrue();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set(HttpHeaders.COOKIE, cookie);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    form.add("_csrf", csrf.group(1));
    ResponseEntity<String> signedIn = rest.exchange(node.base().resolve("/login"), HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
    assertThat(signedIn.getStatusCode().value()).isEqualTo(302);
    assertThat(signedIn.getHeaders().getLocation().toString()).doesNotContain("error");
    return sessionCookie(signedIn.getHeaders());
  }

  private static String sessionCookie(HttpHeaders headers) {
    return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith("SESSION="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + headers));
  }

  private static int pageStatus(ClusterNode node, String path, String cookie) {
    HttpHeaders headers = new HttpHeaders();
    if (cookie != null) {
      headers.set(HttpHeaders.COOKIE, cookie);
    }
    return rest.exchange(node.base().resolve(path), HttpMethod.GET, new HttpEntity<>(headers), String.class)
        .getStatusCode().value();
  }

  private static void pause(Reply r) throws InterruptedException {
    System.out.println("retrying after " + r.status + " " + r.body);
    Thread.sleep(300);
  }

  private static ByteArrayResource pdf(String filename, String text) {
    byte[] content = ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    };
  }

  private static String applicant(int i) {
    return "Khách thử cụm %03d".formatted(i);
  }

  // ---- the checks -----------------------------------------------------------------------------------------------

  /** Waits until the timers made due have fired and the outbox has delivered everything (both nodes running). */
  private void awaitSettled() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      long dueTimers = db.queryForObject("select count(*) from act_ru_job where type_ = 'timer' and duedate_ < now()"
          + " + interval '1 minute'", Long.class);
      long pending = db.queryForObject("select count(*) from outbox_event where delivered_at is null", Long.class);
      if (dueTimers == 0 && pending == 0) {
        return;
      }
      Thread.sleep(500);
    }
  }

  private void checkDossiers() {
    assertThat(db.queryForObject("select count(*) from dossier", Integer.class)).isEqualTo(DOSSIERS);
    for (int i = 0; i < DOSSIERS; i++) {
      boolean parked = i % 4 == 3;
      List<Map<String, Object>> rows = db.queryForList(
          "select id, code, status, due_soon, overdue from dossier where applicant_name = ?", applicant(i));
      assertThat(rows).as("dossiers of applicant %d", i).hasSize(1);
      Map<String, Object> d = rows.get(0);
      String code = (String) d.get("code");
      assertThat(code).isEqualTo(codes.get(i));
      int status = ((Number) d.get("status")).intValue();
      assertThat(status).as("status of %s", code).isEqualTo(parked ? 4 : 10);

      List<Map<String, Object>> events = db.queryForList(
          "select action, status_code from dossier_event where dossier_id = ? order by at, id", d.get("id"));
      assertThat(((Number) events.get(events.size() - 1).get("status_code")).intValue())
          .as("last history line of %s", code).isEqualTo(status);
      Map<String, Integer> actions = new HashMap<>();
      events.forEach(e -> actions.merge((String) e.get("action"), 1, Integer::sum));
      List<String> once = parked ? List.of("SUBMITTED", "RECEIVED", "DUE_SOON", "OVERDUE")
          : List.of("SUBMITTED", "RECEIVED", "FINISHED", "PAYMENT_REQUESTED", "PAYMENT_SETTLED", "RETURNED");
      once.forEach(action -> assertThat(actions.get(action)).as("%s of %s: %s", action, code, events).isEqualTo(1));
      if (parked) {
        assertThat(d.get("due_soon")).isEqualTo(true);
        assertThat(d.get("overdue")).isEqualTo(true);
      }

      long running = db.queryForObject("select count(*) from act_ru_execution where business_key_ = ?"
          + " and parent_id_ is null", Long.class, code);
      assertThat(running).as("running process of %s", code).isEqualTo(parked ? 1 : 0);
      List<String> tasks = db.queryForList("select task_def_key_ from act_ru_task t join act_ru_execution e"
          + " on e.proc_inst_id_ = t.proc_inst_id_ and e.parent_id_ is null where e.business_key_ = ?"
          + " order by task_def_key_", String.class, code);
      assertThat(tasks).as("open tasks of %s", code).isEqualTo(parked ? List.of("appraisal", "delayReview") : List.of());
    }
  }

  /** Every timer made due fired exactly once: one successful execution per job, one activity instance per timer. */
  private void checkTimers() {
    for (int i = 3; i < DOSSIERS; i += 4) {
      String code = codes.get(i);
      // The model's own instance (the parts it calls carry the same business key and a super instance).
      String instance = db.queryForObject("select proc_inst_id_ from act_hi_procinst where business_key_ = ?"
          + " and super_process_instance_id_ is null", String.class, code);
      for (String timer : List.of("dueSoonStart", "overdueTimer")) {
        assertThat(db.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?",
            Integer.class, instance, timer)).as("%s of %s", timer, code).isEqualTo(1);
      }
      List<Map<String, Object>> runs = db.queryForList("select job_id_, count(*) as n from act_hi_job_log"
          + " where process_instance_id_ = ? and job_def_type_ like 'timer%' and job_state_ = 2 group by job_id_",
          instance);
      assertThat(runs).as("timer jobs of %s", code).hasSize(2)
          .allSatisfy(run -> assertThat(((Number) run.get("n")).intValue()).isEqualTo(1));
    }
    assertThat(db.queryForObject("select count(*) from act_ru_job where retries_ = 0", Integer.class))
        .as("jobs that failed for good").isZero();
  }

  /** Every status change committed has its event, delivered; the receiver applied each once and ends on the status. */
  private void checkOutbox() throws Exception {
    assertThat(db.queryForObject("select count(*) from outbox_event where delivered_at is null", Integer.class))
        .isZero();
    List<String> keys = db.queryForList("select event_key from outbox_event", String.class);
    assertThat(receiver.applied.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    for (String code : codes.values()) {
      List<Map<String, Object>> events = db.queryForList("select e.status_code from dossier_event e join dossier d"
          + " on d.id = e.dossier_id where d.code = ? order by e.at, e.id", code);
      int changes = 0;
      Integer previous = null;
      for (Map<String, Object> e : events) {
        int s = ((Number) e.get("status_code")).intValue();
        if (previous == null || s != previous) {
          changes++;
        }
        previous = s;
      }
      assertThat(db.queryForObject("select count(*) from outbox_event where dossier_code = ?", Integer.class, code))
          .as("status events of %s", code).isEqualTo(changes);
      long lastSequence = -1;
      int lastStatus = -1;
      for (String body : receiver.applied.values()) {
        JsonNode event = JSON.readTree(body);
        if (event.path("dossierCode").asText().equals(code) && event.path("sequence").asLong() > lastSequence) {
          lastSequence = event.path("sequence").asLong();
          lastStatus = event.path("data").path("status").asInt();
        }
      }
      assertThat(lastStatus).as("last status %s received", code).isEqualTo(previous);
    }
  }
}
