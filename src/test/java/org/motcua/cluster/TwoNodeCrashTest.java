package org.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.motcua.outbox.Receiver;
import org.motcua.document.S3ProxyServer;
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
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/**
 * Two motcua JVMs on one PostgreSQL schema, both running the job executor; concurrent submissions and task
 * completions split round-robin across them (as nginx would); one node is killed with {@code kill -9} in the middle
 * of the load and restarted. The kill is not left to chance: it happens while that node holds the job lock of a due
 * timer (its execution held on the dossier's row, which the test keeps locked) and while an upload to it is in flight
 * (its body sent but for the last bytes). Every answer is counted and classified; anything but a success, a refused
 * connection or 503 while a node is down, a lost answer of a request in flight at the kill, or the documented 404/409
 * on a re-send after a lost answer fails the test. Afterwards every dossier is there exactly once with exactly its
 * files, each history agrees with its status and with the engine, the held timer ran once on the surviving node after
 * its lock expired, every timer that came due fired exactly once, and every status change reached the (HTTP) status
 * receiver through the outbox. Documents live in an S3-compatible object store both nodes share (S3Proxy in this JVM):
 * every file row's object is there, whole, and nothing is written to the documents folder. PostgreSQL only: the H2
 * run skips it.
 */
@EnabledIfSystemProperty(named = "motcua.test.database", matches = "postgresql")
class TwoNodeCrashTest {

  private static final String PROCEDURE = "2.000488.000.00.12.H13";
  /** Dossiers the six clients carry; every fourth stays in appraisal with its timers made due. */
  private static final int WORKER_DOSSIERS = 24;
  private static final int WORKERS = 6;
  /** The crash's own dossiers: one whose upload is in flight to the node when it dies (carried to the end)... */
  private static final int LOST_UPLOAD = 24;
  /** ...and one whose due timer that node holds when it dies (it stays in appraisal). */
  private static final int TAKEOVER = 25;
  private static final int DOSSIERS = 26;
  /** Steps of a full lifecycle: submit, two uploads, accept, forward, approve, pay, e-result, return. */
  private static final int STEPS = 9;
  private static final List<String> COMPONENTS = List.of("TO_KHAI", "GIAY_TO_TUY_THAN");
  private static final ObjectMapper JSON = new ObjectMapper();

  static String url;
  static String schema;
  static JdbcTemplate db;
  static Receiver receiver;
  static ClusterNode a;
  static ClusterNode b;
  static RestTemplate rest;
  static PrintWriter requestLog;
  /** The object store both nodes keep documents in (issue 17): S3Proxy in this JVM, reached over a local port. */
  static S3ProxyServer objectStore;
  static Path unusedFolder;
  static final String BUCKET = "motcua-cluster";

  @BeforeAll
  static void startCluster() throws Exception {
    url = System.getProperty("motcua.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    schema = TestProfiles.freshSchema("_cluster");
    SingleConnectionDataSource ds = new SingleConnectionDataSource(url + "?currentSchema=" + schema, "postgres", "",
        true);
    db = new JdbcTemplate(ds);
    receiver = new Receiver();
    Path logs = Path.of("target", "cluster").toAbsolutePath();
    Files.createDirectories(logs);
    requestLog = new PrintWriter(Files.newBufferedWriter(logs.resolve("requests.log"), StandardCharsets.UTF_8), true);
    objectStore = S3ProxyServer.start(BUCKET);
    unusedFolder = logs.resolve("files-unused");
    List<String> args = List.of(
        "--spring.profiles.active=demo,postgres,test-postgres",
        "--motcua.test.pg.url=" + url, "--motcua.test.pg.schema=" + schema,
        "--spring.datasource.hikari.maximum-pool-size=8",
        // Full engine history for the engine's job log, which shows that each timer ran exactly once (and where).
        "--camunda.bpm.history-level=full",
        // Documents in one bucket both nodes share; the folder setting stays, to show nothing is written there.
        "--motcua.documents.store=s3", "--motcua.documents.s3.endpoint=" + objectStore.endpoint(),
        "--motcua.documents.s3.bucket=" + BUCKET, "--motcua.documents.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
        "--motcua.documents.s3.secret-key=" + S3ProxyServer.SECRET_KEY,
        "--motcua.documents.dir=" + unusedFolder,
        // Jobs a dead node had locked are taken over once their lock expires: 10 s here (5 min by default).
        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--motcua.outbox.http.url=" + receiver.url(),
        "--motcua.outbox.poll-interval=PT0.5S",
        "--logging.structured.format.console=");
    // The engine's host name goes into its job log: which node ran a job. Connections are named per node and run.
    a = new ClusterNode("a", with(args, "--camunda.bpm.generic-properties.properties.hostname=node-a"), logs)
        .namingConnections();
    b = new ClusterNode("b", with(args, "--camunda.bpm.generic-properties.properties.hostname=node-b"), logs)
        .namingConnections();
    // The first node creates the schema (Flyway, Camunda) and the demo accounts; the second joins it.
    a.start();
    a.awaitReady(Duration.ofMinutes(3));
    b.start();
    b.awaitReady(Duration.ofMinutes(3));
    // No automatic re-sending, and a new connection per request (no pooled connection outlives a kill): the test
    // itself decides what to do when a node dies with a request.
    PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
            .setSocketTimeout(Timeout.ofSeconds(120)).build())
        .setMaxConnTotal(40).setMaxConnPerRoute(20).build();
    rest = new RestTemplate(new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
        .setConnectionManager(connections)
        .setConnectionReuseStrategy((request, response, context) -> false)
        .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().build()));
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

  private static List<String> with(List<String> args, String more) {
    List<String> all = new ArrayList<>(args);
    all.add(more);
    return all;
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
    if (requestLog != null) {
      requestLog.close();
    }
    if (objectStore != null) {
      objectStore.close();
    }
  }

  private final AtomicInteger roundRobin = new AtomicInteger();
  private final AtomicInteger stepsDone = new AtomicInteger();
  private final Map<Integer, String> codes = new ConcurrentHashMap<>();
  /** Counted down when the killed node is back (the last step of each client's last dossier waits for it). */
  private final CountDownLatch restarted = new CountDownLatch(1);
  private final AtomicInteger servedByRestarted = new AtomicInteger();

  // The crash: which node dies, when it is down, and when it is dead.
  private volatile ClusterNode victim;
  /** From just before the kill until the node is ready again: refused connections and 503 are expected. */
  private volatile boolean victimDown;
  /** Set once the killed JVM is gone: a request sent after that cannot lose its answer to the kill. */
  private volatile boolean killed;
  /** The connection name of the killed run: none of its database sessions may be left when a lost answer is checked. */
  private volatile String deadConnections;

  // The tally of every answer.
  private final Map<Outcome, AtomicInteger> tally = new EnumMap<>(Outcome.class);
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  /** Changes whose answer was lost: found carried out by the check, or found missing and sent again. */
  private final AtomicInteger lostFoundDone = new AtomicInteger();
  private final AtomicInteger lostSentAgain = new AtomicInteger();
  private volatile boolean forcedUploadLostAndSentAgain;

  {
    for (Outcome o : Outcome.values()) {
      tally.put(o, new AtomicInteger());
    }
  }

  @Test
  void aNodeKilledMidLoadLosesNothingAndEveryDueTimerFiresOnce() throws Exception {
    // A citizen signs in on the pages of node a; the session is in the database, so node b knows them too.
    String session = signIn(a, "citizen", "demo");
    assertThat(pageStatus(b, "/citizen/dossiers", session)).isEqualTo(200);
    assertThat(pageStatus(b, "/citizen/dossiers", null)).isEqualTo(302);

    ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
    HeldTimer held;
    try {
      Future<HeldTimer> crash = pool.submit(this::crash);
      List<Future<?>> all = new ArrayList<>(List.of(crash));
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        all.add(pool.submit(() -> {
          for (int i = worker; i < WORKER_DOSSIERS; i += WORKERS) {
            carry(i);
          }
          return null;
        }));
      }
      // The first failure of any client or of the crash fails the test at once.
      long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
      while (!all.stream().allMatch(Future::isDone)) {
        for (Future<?> f : all) {
          if (f.isDone()) {
            f.get();
          }
        }
        assertThat(System.nanoTime()).as("load finished within 8 minutes").isLessThan(deadline);
        Thread.sleep(200);
      }
      for (Future<?> f : all) {
        f.get();
      }
      held = crash.get();
    } finally {
      pool.shutdownNow();
      printTally();
    }
    System.out.printf("load done: %d steps, %d requests served by node %s after its restart%n", stepsDone.get(),
        servedByRestarted.get(), victim.name());
    assertThat(servedByRestarted.get()).as("requests served by the restarted node").isPositive();

    // Every answer: nothing but the expected classes; at least one answer lost, each lost change checked first.
    assertThat(unexpected).as("answers no client may see (500, a refusal with every node up, ...)").isEmpty();
    assertThat(tally.get(Outcome.LOST).get()).as("answers lost in the crash").isPositive();
    assertThat(forcedUploadLostAndSentAgain)
        .as("the upload in flight to the killed node lost its answer, was found missing and was sent again").isTrue();

    awaitSettled();
    // The session outlived the kill, and the restarted node serves it again.
    assertThat(pageStatus(victim, "/citizen/dossiers", session)).isEqualTo(200);
    checkTakeOver(held);
    checkDossiers();
    checkTimers();
    checkOutbox();
    assertThat(unexpected).as("answers no client may see").isEmpty();
    assertThat(unusedFolder).as("documents go to the bucket, not to a node's folder").doesNotExist();
    long named = db.queryForObject("select count(distinct storage_key) from document", Long.class);
    System.out.printf("Object store: %d objects, %d named by a row (the rest: uploads a killed node had stored"
        + " without committing, for the orphan sweep)%n", objectStore.objectNames(BUCKET).size(), named);
  }

  // ---- the crash ------------------------------------------------------------------------------------------------

  /** The timer job locks the killed node held: its engine lock owner, when the lock expires, the jobs. */
  private record HeldTimer(ClusterNode node, ClusterNode survivor, String lockOwner, Timestamp lockExpires,
      List<String> jobs) {
  }

  /**
   * Carries the crash's own two dossiers to the moment of the kill; at 30 % of the clients' steps holds the row of
   * the take-over dossier, makes its timers due, waits until a node's job executor has locked them and is stuck on
   * that row inside the job, starts an upload to that node and kills it. Then the job must wait for its lock to
   * expire and run on the other node (checked before the killed node is started again), and the upload's lost
   * answer is checked and the upload sent again.
   */
  private HeldTimer crash() throws Exception {
    String lostCode = submit(LOST_UPLOAD);
    codes.put(LOST_UPLOAD, lostCode);
    upload(lostCode, "TO_KHAI", null);
    String takeoverCode = submit(TAKEOVER);
    codes.put(TAKEOVER, takeoverCode);
    for (String component : COMPONENTS) {
      upload(takeoverCode, component, null);
    }
    completeTask("clerk.stp", takeoverCode, "reception", "accept");

    int parked = WORKER_DOSSIERS / 4;
    int total = (WORKER_DOSSIERS - parked) * STEPS + parked * 4;
    while (stepsDone.get() < total * 3 / 10) {
      Thread.sleep(50);
    }
    HeldTimer held;
    HeldUpload inFlight;
    try (Connection hold = DriverManager.getConnection(url + "?currentSchema=" + schema, "postgres", "")) {
      hold.setAutoCommit(false);
      int holder;
      try (Statement s = hold.createStatement()) {
        ResultSet r = s.executeQuery("select pg_backend_pid()");
        r.next();
        holder = r.getInt(1);
        assertThat(s.executeQuery("select id from dossier where code = '" + takeoverCode + "' for update").next())
            .isTrue();
      }
      db.update("update act_ru_job set duedate_ = now() where type_ = 'timer' and process_instance_id_ in"
          + " (select id_ from act_ru_execution where business_key_ = ? and parent_id_ is null)", takeoverCode);
      held = awaitHeldTimer(takeoverCode, holder);
      victim = held.node();
      inFlight = new HeldUpload(victim, lostCode, "GIAY_TO_TUY_THAN");
      deadConnections = victim.applicationName();
      long pid = victim.pid();
      victimDown = true;
      victim.killHard();
      killed = true;
      System.out.printf("kill -9 node %s (pid %d, exit %d) after %d of %d steps, holding the lock of timer jobs %s"
          + " of %s until %s, with an upload to %s in flight%n", victim.name(), pid, victim.exitValue(),
          stepsDone.get(), total, held.jobs(), takeoverCode, held.lockExpires(), lostCode);
      assertThat(victim.exitValue()).as("exit status after SIGKILL").isEqualTo(137);
      // The killed node's session waits on the row; let it go: it finds its client gone and rolls back.
      hold.rollback();
    }
    // The timer did not run on the killed node: its job is still there, locked by that node's engine.
    for (String job : held.jobs()) {
      assertThat(db.queryForList("select lock_owner_ from act_ru_job where id_ = ?", String.class, job))
          .as("timer job %s after the kill: not run, still locked by the killed node", job)
          .containsExactly(held.lockOwner());
    }
    upload(lostCode, "GIAY_TO_TUY_THAN", inFlight);

    awaitTakeOver(held);
    victim.start();
    victim.awaitReady(Duration.ofMinutes(3));
    victimDown = false;
    System.out.printf("node %s back after %d steps%n", victim.name(), stepsDone.get());
    restarted.countDown();

    // The dossier whose upload was lost goes on to the end, partly on the restarted node.
    completeTask("clerk.stp", lostCode, "reception", "accept");
    completeTask("specialist.stp", lostCode, "appraisal", "forward");
    completeTask("leader.stp", lostCode, "approval", "approve");
    pay(lostCode);
    uploadResult(lostCode);
    completeTask("clerk.stp", lostCode, "resultReturn", "return");
    return held;
  }

  /**
   * Waits until a node's job executor holds the lock of a due timer of the dossier and its job is stuck on the
   * dossier's row, held by the test's session {@code holder}: that node is the one to kill. Fails after 90 s.
   */
  private HeldTimer awaitHeldTimer(String code, int holder) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      List<String> waiting = db.queryForList("select distinct application_name from pg_stat_activity"
          + " where ? = any(pg_blocking_pids(pid))", String.class, holder);
      List<Map<String, Object>> locked = db.queryForList("select id_, lock_owner_, lock_exp_time_ from act_ru_job"
          + " where type_ = 'timer' and duedate_ <= now() and lock_owner_ is not null and lock_exp_time_ > now()"
          + " and process_instance_id_ in (select id_ from act_ru_execution where business_key_ = ?"
          + " and parent_id_ is null) order by lock_exp_time_", code);
      if (!waiting.isEmpty() && !locked.isEmpty()) {
        assertThat(waiting).as("nodes stuck on the row of %s", code).hasSize(1);
        ClusterNode node = waiting.get(0).equals(a.applicationName()) ? a
            : waiting.get(0).equals(b.applicationName()) ? b : null;
        assertThat(node).as("node of the session %s", waiting.get(0)).isNotNull();
        List<String> owners = locked.stream().map(j -> (String) j.get("lock_owner_")).distinct().toList();
        assertThat(owners).as("lock owners of the timers of %s", code).hasSize(1);
        return new HeldTimer(node, node == a ? b : a, owners.get(0), (Timestamp) locked.get(0).get("lock_exp_time_"),
            locked.stream().map(j -> (String) j.get("id_")).toList());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no node held a due timer of " + code + " within 90 s");
  }

  /** Waits until the surviving node has run the jobs the dead one held; fails after their lock time and 90 s more. */
  private void awaitTakeOver(HeldTimer held) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10 + 90).toNanos();
    while (System.nanoTime() < deadline) {
      int ran = 0;
      for (String job : held.jobs()) {
        ran += db.queryForObject("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
            Integer.class, job) > 0 ? 1 : 0;
      }
      if (ran == held.jobs().size()) {
        System.out.printf("timer jobs %s taken over by node %s%n", held.jobs(), held.survivor().name());
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the timer jobs " + held.jobs() + " the killed node held were not run by node "
        + held.survivor().name() + " within 100 s");
  }

  /** The held timer ran exactly once, on the node that survived, after the dead node's lock had expired. */
  private void checkTakeOver(HeldTimer held) {
    for (String job : held.jobs()) {
      List<Map<String, Object>> runs = db.queryForList("select hostname_, timestamp_ from act_hi_job_log"
          + " where job_id_ = ? and job_state_ = 2", job);
      assertThat(runs).as("successful runs of timer job %s", job).hasSize(1);
      assertThat(runs.get(0).get("hostname_")).as("node that ran %s", job)
          .isEqualTo("node-" + held.survivor().name());
      assertThat((Timestamp) runs.get(0).get("timestamp_")).as("run of %s after the lock expired", job)
          .isAfterOrEqualTo(held.lockExpires());
      assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 1",
          Integer.class, job)).as("failed runs of %s", job).isZero();
    }
  }

  // ---- the load -------------------------------------------------------------------------------------------------

  /** One dossier through its lifecycle; every fourth stays in appraisal with its timers made due now. */
  private void carry(int i) throws Exception {
    String code = submit(i);
    codes.put(i, code);
    for (String component : COMPONENTS) {
      upload(code, component, null);
    }
    completeTask("clerk.stp", code, "reception", "accept");
    if (parked(i)) {
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
    if (i >= WORKER_DOSSIERS - WORKERS) {
      // Each client's last dossier is returned once the killed node is back, so the restarted node takes load too.
      assertThat(restarted.await(5, TimeUnit.MINUTES)).as("killed node restarted").isTrue();
    }
    completeTask("clerk.stp", code, "resultReturn", "return");
  }

  private static boolean parked(int i) {
    return i == TAKEOVER || i < WORKER_DOSSIERS && i % 4 == 3;
  }

  private String submit(int i) throws Exception {
    Map<String, Object> body = Map.of("procedureCode", PROCEDURE, "applicant", Map.of(
        "name", applicant(i), "idNumber", "093085000123", "phone", "0912345678"));
    String[] found = new String[1];
    Reply r = change("submit " + applicant(i), 201,
        afterLost -> call(HttpMethod.POST, "citizen", "/api/dossiers", body, afterLost),
        () -> {
          List<String> codes = db.queryForList("select code from dossier where applicant_name = ?", String.class,
              applicant(i));
          assertThat(codes).as("dossiers of %s", applicant(i)).hasSizeLessThanOrEqualTo(1);
          found[0] = codes.isEmpty() ? null : codes.get(0);
          return found[0] != null;
        });
    return r != null && r.status() == 201 ? r.body().path("code").asText() : found[0];
  }

  /** A component file; {@code inFlight}, when given, is its first sending (to the node about to be killed). */
  private void upload(String code, String component, HeldUpload inFlight) throws Exception {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("component", component);
    form.add("file", pdf(component.toLowerCase() + ".pdf", component));
    change("upload " + component + " " + code, 201, afterLost -> {
      if (inFlight != null && !afterLost) {
        return inFlight.finish();
      }
      Reply r = call(HttpMethod.POST, "citizen", "/api/dossiers/" + code + "/documents", form, afterLost);
      if (inFlight != null && r.status() == 201) {
        forcedUploadLostAndSentAgain = true;
      }
      return r;
    }, () -> documents(code).contains(component));
  }

  private void uploadResult(String code) throws Exception {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", pdf("ket-qua.pdf", "Kết quả " + code));
    change("result " + code, 201,
        afterLost -> call(HttpMethod.POST, "leader.stp", "/api/dossiers/" + code + "/result", form, afterLost),
        () -> documents(code).contains("RESULT"));
  }

  private void pay(String code) throws Exception {
    change("pay " + code, 200,
        afterLost -> call(HttpMethod.POST, "clerk.stp", "/api/dossiers/" + code + "/payments/counter",
            Map.of("method", "CASH", "receiptNumber", "BL-" + code), afterLost),
        () -> read("clerk.stp", "/api/dossiers/" + code + "/payments").toString().contains("\"PAID\""));
  }

  private void completeTask(String officer, String code, String taskKey, String decision) throws Exception {
    String taskId = taskOf(officer, code, taskKey);
    if (taskId == null) {
      throw new AssertionError("no " + taskKey + " task of " + code + " for " + officer);
    }
    change(taskKey + " " + code, 200,
        afterLost -> call(HttpMethod.POST, officer, "/api/tasks/" + taskId + "/complete",
            Map.of("decision", decision), afterLost),
        () -> taskOf(officer, code, taskKey) == null);
  }

  private String taskOf(String officer, String code, String taskKey) throws Exception {
    for (JsonNode t : read(officer, "/api/tasks?size=200").path("items")) {
      if (t.path("dossierCode").asText().equals(code) && t.path("taskKey").asText().equals(taskKey)) {
        return t.path("id").asText();
      }
    }
    return null;
  }

  /** The components of the dossier's files, and {@code RESULT} for its e-result. */
  private List<String> documents(String code) throws Exception {
    List<String> kinds = new ArrayList<>();
    for (JsonNode d : read("clerk.stp", "/api/dossiers/" + code + "/documents")) {
      kinds.add("RESULT".equals(d.path("kind").asText()) ? "RESULT" : d.path("componentCode").asText());
    }
    return kinds;
  }

  private interface Send {
    Reply send(boolean afterLost) throws Lost;
  }

  private interface Check {
    boolean done() throws Exception;
  }

  /**
   * A change, sent once: its answer must be {@code expected}. When its answer is lost (the node died with the
   * request), nothing of the dead node may still commit (its database sessions are gone), then {@code done} tells
   * whether it took effect; only if not is it sent again. A re-send may meet the documented 404/409 (the lost
   * request had taken effect after all), which {@code done} must then confirm. Anything else fails the test.
   */
  private Reply change(String what, int expected, Send send, Check done) throws Exception {
    boolean afterLost = false;
    for (int sending = 0; sending < 4; sending++) {
      try {
        Reply r = send.send(afterLost);
        if (r.status() == expected) {
          stepsDone.incrementAndGet();
          return r;
        }
        if (afterLost && (r.status() == 404 || r.status() == 409) && check(done)) {
          lostFoundDone.incrementAndGet();
          stepsDone.incrementAndGet();
          return r;
        }
        throw new AssertionError(what + " answered " + r.status() + ": " + r.body());
      } catch (Lost lost) {
        afterLost = true;
        awaitGone();
        if (check(done)) {
          lostFoundDone.incrementAndGet();
          stepsDone.incrementAndGet();
          return null;
        }
        lostSentAgain.incrementAndGet();
      }
    }
    throw new AssertionError(what + ": its answer was lost 4 times");
  }

  /** A check reads: when its own answer is lost in the crash, it is read again. */
  private static boolean check(Check done) throws Exception {
    for (int reading = 0; reading < 4; reading++) {
      try {
        return done.done();
      } catch (LostRead again) {
        // read again
      }
    }
    throw new AssertionError("a check lost its answer 4 times");
  }

  /** A GET that must answer 200; when its answer is lost in the crash it is sent again (reading changes nothing). */
  private JsonNode read(String user, String path) throws Exception {
    for (int reading = 0; reading < 4; reading++) {
      try {
        Reply r = call(HttpMethod.GET, user, path, null, false);
        if (r.status() != 200) {
          throw new AssertionError("GET " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
      } catch (Lost lost) {
        // read again
      }
    }
    throw new LostRead();
  }

  /** Waits until none of the killed run's database sessions is left: nothing it started can commit any more. */
  private void awaitGone() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (db.queryForObject("select count(*) from pg_stat_activity where application_name = ?", Integer.class,
        deadConnections) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("sessions of the killed node " + deadConnections + " still open after 60 s");
      }
      Thread.sleep(100);
    }
  }

  // ---- HTTP across the two nodes, every answer classified -------------------------------------------------------

  private record Reply(int status, JsonNode body) {
  }

  /** What a client met; each request's outcome is logged to target/cluster/requests.log and counted. */
  private enum Outcome {
    SUCCESS("2xx"),
    REFUSED("connection refused by the node while it was down"),
    UNAVAILABLE("503 while a node was down"),
    AFTER_LOST("404/409 on a re-send after a lost answer"),
    LOST("answer lost: in flight to the node when it was killed"),
    OTHER("anything else: 500, an unexpected status, a refusal or lost answer with the node up");

    final String meaning;

    Outcome(String meaning) {
      this.meaning = meaning;
    }
  }

  /** The node died with the request: it may or may not have been carried out. */
  private static final class Lost extends Exception {
    Lost(Throwable cause) {
      super(cause);
    }
  }

  /** A read that lost its answer every time. */
  private static final class LostRead extends Exception {
  }

  private void record(ClusterNode node, String request, Outcome outcome, String detail) {
    tally.get(outcome).incrementAndGet();
    if (outcome == Outcome.OTHER) {
      unexpected.add(node.name() + " " + request + ": " + detail);
    }
    requestLog.printf("%s %-16s node-%s %-11s %s %s%n", Instant.now(), Thread.currentThread().getName(), node.name(),
        outcome, request, detail);
  }

  private void printTally() {
    System.out.println("answers by class:");
    for (Outcome o : Outcome.values()) {
      System.out.printf("  %5d  %-11s %s%n", tally.get(o).get(), o, o.meaning);
    }
    System.out.printf("  changes whose answer was lost: %d found carried out by the check, %d found missing and sent"
        + " again%n", lostFoundDone.get(), lostSentAgain.get());
    unexpected.forEach(u -> System.out.println("  UNEXPECTED " + u));
  }

  /**
   * Round-robin over the nodes; a refused connection (and a 503) while a node is down goes to the other node, like
   * nginx's proxy_next_upstream. Any status is returned and classified; a lost answer throws {@link Lost} when it is
   * the kill's doing and fails the test otherwise.
   */
  private Reply call(HttpMethod method, String user, String path, Object body, boolean afterLost) throws Lost {
    String request = method + " " + path;
    int first = roundRobin.getAndIncrement();
    for (int n = 0; n < 4; n++) {
      ClusterNode node = (first + n) % 2 == 0 ? a : b;
      boolean killedBefore = killed;
      HttpHeaders headers = new HttpHeaders();
      headers.set("Authorization", basic(user));
      if (body instanceof LinkedMultiValueMap) {
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      } else if (body != null) {
        headers.setContentType(MediaType.APPLICATION_JSON);
      }
      ResponseEntity<byte[]> r;
      try {
        r = rest.exchange(node.base().resolve(path), method, new HttpEntity<>(body, headers), byte[].class);
      } catch (ResourceAccessException e) {
        if (e.getCause() instanceof ConnectException) {
          if (node == victim && victimDown) {
            record(node, request, Outcome.REFUSED, "");
            continue;
          }
          record(node, request, Outcome.OTHER, "connection refused by a running node: " + e.getCause());
          throw new AssertionError(request + ": connection refused by running node " + node.name(), e);
        }
        throw lost(node, request, killedBefore, e);
      } catch (RestClientException e) {
        // The node died while sending its answer (a body cut short): carried out or not, nobody knows.
        if (!(e.getMostSpecificCause() instanceof IOException)) {
          throw e;
        }
        throw lost(node, request, killedBefore, e);
      }
      int status = r.getStatusCode().value();
      JsonNode json;
      try {
        json = r.getBody() == null || r.getBody().length == 0 ? JSON.nullNode() : JSON.readTree(r.getBody());
      } catch (IOException notJson) {
        json = JSON.getNodeFactory().textNode(new String(r.getBody(), StandardCharsets.UTF_8));
      }
      if (status == 503 && victimDown) {
        record(node, request, Outcome.UNAVAILABLE, json.toString());
        continue;
      }
      if (node == victim && restarted.getCount() == 0) {
        servedByRestarted.incrementAndGet();
      }
      Outcome outcome = status / 100 == 2 ? Outcome.SUCCESS
          : afterLost && (status == 404 || status == 409) ? Outcome.AFTER_LOST : Outcome.OTHER;
      record(node, request, outcome, status + (outcome == Outcome.SUCCESS ? "" : " " + json));
      return new Reply(status, json);
    }
    record(a, request, Outcome.OTHER, "no node reachable");
    throw new AssertionError(request + ": no node reachable");
  }

  /** A lost answer: the kill's doing when the request was in flight to the node before it was killed. */
  private Lost lost(ClusterNode node, String request, boolean killedBefore, Exception e) {
    if (node == victim && !killedBefore) {
      record(node, request, Outcome.LOST, String.valueOf(e.getMessage()));
      return new Lost(e);
    }
    record(node, request, Outcome.OTHER, "answer lost from a running node: " + e);
    throw new AssertionError(request + ": answer lost from running node " + node.name(), e);
  }

  /**
   * An upload sent to a node as raw HTTP, its body all sent but for the closing multipart delimiter: the node has
   * the request and waits for the rest, which {@link #finish()} sends after the node was killed.
   */
  private final class HeldUpload {
    private final ClusterNode node;
    private final String request;
    private final Socket socket;
    private final byte[] rest;

    HeldUpload(ClusterNode node, String code, String component) throws IOException {
      this.node = node;
      this.request = "POST /api/dossiers/" + code + "/documents";
      String boundary = "crash" + System.nanoTime();
      byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n" + component
          + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
          + component.toLowerCase() + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n% " + component
          + "\n%%EOF\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] head = (request + " HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\nAuthorization: "
          + basic("citizen") + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
          + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
      int sent = body.length - (boundary.length() + 6);
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head);
      socket.getOutputStream().write(body, 0, sent);
      socket.getOutputStream().flush();
      rest = Arrays.copyOfRange(body, sent, body.length);
    }

    /** Sends the rest and reads the answer, which the kill has cut off. */
    Reply finish() throws Lost {
      boolean killedBefore = false;
      try (socket) {
        socket.getOutputStream().write(rest);
        socket.getOutputStream().flush();
        String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
            StandardCharsets.ISO_8859_1)).readLine();
        if (statusLine == null) {
          throw new java.io.EOFException("connection closed without an answer");
        }
        record(node, request, Outcome.OTHER, "answered after the kill: " + statusLine);
        throw new AssertionError("the upload held open to the killed node was answered: " + statusLine);
      } catch (IOException e) {
        throw lost(node, request, killedBefore, e);
      }
    }
  }

  private static String basic(String user) {
    String password = "admin".equals(user) ? "admin" : "demo";
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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

  /** Waits until the timers made due have fired and the outbox has delivered everything; fails after 90 s. */
  private void awaitSettled() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    long dueTimers = -1;
    long pending = -1;
    while (System.nanoTime() < deadline) {
      dueTimers = db.queryForObject("select count(*) from act_ru_job where type_ = 'timer' and duedate_ < now()"
          + " + interval '1 minute'", Long.class);
      pending = db.queryForObject("select count(*) from outbox_event where delivered_at is null", Long.class);
      if (dueTimers == 0 && pending == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not settled after 90 s: " + dueTimers + " timers due, " + pending
        + " outbox events undelivered");
  }

  private void checkDossiers() {
    assertThat(db.queryForObject("select count(*) from dossier", Integer.class)).isEqualTo(DOSSIERS);
    for (int i = 0; i < DOSSIERS; i++) {
      boolean parked = parked(i);
      List<Map<String, Object>> rows = db.queryForList(
          "select id, code, status, due_soon, overdue from dossier where applicant_name = ?", applicant(i));
      assertThat(rows).as("dossiers of applicant %d", i).hasSize(1);
      Map<String, Object> d = rows.get(0);
      String code = (String) d.get("code");
      assertThat(code).isEqualTo(codes.get(i));
      int status = ((Number) d.get("status")).intValue();
      assertThat(status).as("status of %s", code).isEqualTo(parked ? 4 : 10);

      // Exactly its files: one per component, and its e-result once it has one; a lost upload sent again
      // although it had been stored would show here twice.
      Map<String, Integer> files = new HashMap<>();
      db.queryForList("select kind, component_code from document where dossier_id = ?", d.get("id"))
          .forEach(f -> files.merge("RESULT".equals(f.get("kind")) ? "RESULT" : (String) f.get("component_code"), 1,
              Integer::sum));
      Map<String, Integer> expectedFiles = new HashMap<>();
      COMPONENTS.forEach(c -> expectedFiles.put(c, 1));
      if (!parked) {
        expectedFiles.put("RESULT", 1);
      }
      assertThat(files).as("files of %s", code).isEqualTo(expectedFiles);
      // Each file's bytes are in the shared bucket, whole, whichever node took the upload.
      db.queryForList("select storage_key, size_bytes from document where dossier_id = ?", d.get("id"))
          .forEach(f -> assertThat(objectStore.blobSize(BUCKET, (String) f.get("storage_key")))
              .as("object of %s: %s", code, f.get("storage_key")).isEqualTo(((Number) f.get("size_bytes")).longValue()));

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
    for (int i = 0; i < DOSSIERS; i++) {
      if (!parked(i)) {
        continue;
      }
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
    // The national portal's events (the receiver): status changes and the changes that keep the status; the
    // applicants' messages go to their own sinks (log here).
    List<String> keys = db.queryForList("select event_key from outbox_event"
        + " where topic in ('dossier.status-changed', 'dossier.updated')", String.class);
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
      assertThat(db.queryForObject("select count(*) from outbox_event where dossier_code = ?"
          + " and topic = 'dossier.status-changed'", Integer.class, code))
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
