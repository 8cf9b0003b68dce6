package org.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.motcua.process.ProcessContract.Decisions;
import org.motcua.process.ProcessContract.Tasks;

/**
 * The virtual users of the load and soak commands: citizens, officers and supervisors of the demo province, each on
 * a thread of its own (mostly asleep in think time), calling the service over HTTP as its pages and a portal client
 * do. Requests go round-robin over the nodes; a node that refuses the connection is skipped, like nginx's
 * {@code proxy_next_upstream}, and a POST is never sent again blindly: when its answer was lost, the user first
 * checks whether it took effect ({@link #submittedLookup} for a submission, the dossier's current steps for a
 * decision, its {@code allows} for a result upload).
 */
final class VirtualUsers {

  static final String PROCEDURE = "1.000656.000.00.21.H13";
  static final String[] COMPONENTS = {"TO_KHAI", "GIAY_BAO_TU"};
  /** The communes whose officers handle the load's dossiers (every commune receives the procedure). */
  static final String[] AGENCIES = {"vithanh", "vitan"};
  static final Map<String, String> AGENCY_CODES = Map.of("vithanh", "000.01.21.H13", "vitan", "000.02.21.H13");
  /** The demo citizens (config/demo.yml) and their CCCD numbers; there is no public registration. */
  static final Map<String, String> CITIZENS = Map.of("citizen", "093085000123", "citizen2", "093190000456");
  static final String PHONE = "0912345678";
  static final String PDF = "%PDF-1.4\n% load test\n%%EOF\n";

  // Request classes.
  static final String SIGN_IN = "sign-in (login form)";
  static final String SEARCH = "catalogue search page";
  static final String PROCEDURE_PAGE = "procedure page";
  static final String SUBMISSION = "online submission, 2 files";
  static final String TRACK_FORM = "tracking form";
  static final String TRACK = "tracking (code + phone)";
  static final String CITIZEN_DOSSIER = "citizen dossier page";
  static final String INBOX_API = "inbox (API, first page)";
  static final String INBOX_PAGE = "inbox page";
  static final String OFFICER_DOSSIER = "officer dossier page";
  static final String DOSSIER_API = "dossier (API)";
  static final String DECISION = "decision (task completion)";
  static final String RESULT_UPLOAD = "e-result upload";
  static final String DASHBOARD = "supervisor dashboard";
  static final String EXPORT = "breakdown export (CSV)";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final List<URI> nodes;
  private final LoadStats stats;
  private final double thinkMillis;
  /** Finds the dossier a lost submission made, by its applicant's name (soak: the database); null: not checked. */
  private final Function<String, Optional<String>> submittedLookup;
  /** How long a request may find no node accepting connections before it counts as unreachable. */
  private final long unreachableAfterMillis;
  private final String runTag;
  private final AtomicInteger roundRobin = new AtomicInteger();
  private final AtomicLong applicants = new AtomicLong();
  /** Every dossier whose submission was acknowledged (201, or found after its answer was lost): code → applicant. */
  final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  final AtomicLong lostResolvedDone = new AtomicLong();
  final AtomicLong lostResent = new AtomicLong();
  /** Requests sent and not yet answered, and of them the POSTs. */
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger postsInFlight = new AtomicInteger();
  volatile boolean stopping;

  VirtualUsers(List<URI> nodes, LoadStats stats, double thinkMillis,
      Function<String, Optional<String>> submittedLookup, long unreachableAfterMillis, String runTag) {
    this.nodes = nodes;
    this.stats = stats;
    this.thinkMillis = thinkMillis;
    this.submittedLookup = submittedLookup;
    this.unreachableAfterMillis = unreachableAfterMillis;
    this.runTag = runTag;
  }

  /** The applicants' names of this run start with this (the soak checks finds its own dossiers by it). */
  String applicantPrefix() {
    return "Khách tải " + runTag + " ";
  }

  // ---- the users ------------------------------------------------------------------------------------------------

  /**
   * The role of virtual user {@code i} for a mix of citizens : officers : supervisors, spread evenly over the users:
   * each user takes the role furthest behind its share of the users so far (so that a ramp starts all three kinds
   * early and any number of users keeps the proportions, 200 users at 70:25:5 being 140, 50 and 10).
   */
  static String roleOf(int i, int[] mix) {
    String[] roles = {"citizen", "officer", "supervisor"};
    int total = mix[0] + mix[1] + mix[2];
    int[] counts = new int[3];
    int role = 0;
    for (int j = 0; j <= i; j++) {
      role = 0;
      double behind = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < 3; r++) {
        double deficit = (double) (j + 1) * mix[r] / total - counts[r];
        if (mix[r] > 0 && deficit > behind + 1e-9) {
          behind = deficit;
          role = r;
        }
      }
      counts[role]++;
    }
    return roles[role];
  }

  /** Runs virtual user {@code i}, the {@code k}-th of its role, until {@link #stopping}. */
  void run(int i, String role, int k, List<String[]> catalogue) {
    Random random = new Random(31L * i + runTag.hashCode());
    while (!stopping) {
      try {
        switch (role) {
          case "citizen" -> citizen(k, random, catalogue);
          case "officer" -> officer(k, random);
          default -> supervisor(k, random);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A bug of the client (an answer it could not read): counted, and the user starts over.
        stats.record("client failure", 0, LoadStats.Outcome.ERROR, e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private void citizen(int i, Random random, List<String[]> catalogue) throws InterruptedException {
    String account = i % 2 == 0 ? "citizen" : "citizen2";
    Session session = new Session(account);
    List<String> mine = new ArrayList<>();
    signIn(session);
    while (!stopping) {
      String[] procedure = catalogue.get(random.nextInt(catalogue.size()));
      String[] words = procedure[1].split("\\s+");
      String word = words[random.nextInt(words.length)];
      page(session, SEARCH, "/procedures?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
      think(random);
      page(session, PROCEDURE_PAGE, "/procedures/" + procedure[0]);
      think(random);
      if (random.nextInt(2) == 0 || mine.isEmpty()) {
        String code = submit(session, random);
        if (code != null) {
          mine.add(code);
          if (mine.size() > 5) {
            mine.remove(0);
          }
        }
        think(random);
      }
      if (mine.isEmpty()) {
        continue;
      }
      String code = mine.get(random.nextInt(mine.size()));
      track(session, code);
      think(random);
      page(session, CITIZEN_DOSSIER, "/citizen/dossiers/" + code);
      think(random);
    }
  }

  private void officer(int i, Random random) throws InterruptedException {
    // Officer k: the clerk, specialist and leader of each commune in turn.
    String agency = AGENCIES[Math.floorMod(i, AGENCIES.length)];
    String role = new String[] {"clerk", "specialist", "leader"}[Math.floorMod(i / AGENCIES.length, 3)];
    Session session = new Session(role + "." + agency);
    signIn(session);
    int round = 0;
    while (!stopping) {
      if (round++ % 3 == 0) {
        page(session, INBOX_PAGE, "/officer/inbox");
      }
      Reply inbox = api(session, INBOX_API, "GET", "/api/tasks?size=20", null, null, Set.of(200));
      List<JsonNode> items = new ArrayList<>();
      if (inbox.status == 200) {
        inbox.json().path("items").forEach(items::add);
      }
      if (items.isEmpty()) {
        think(random);
        continue;
      }
      // A random one of the first page: officers sharing a demo account rarely take the same task.
      JsonNode task = items.get(random.nextInt(items.size()));
      String code = task.path("dossierCode").asText();
      String taskId = task.path("id").asText();
      String taskKey = task.path("taskKey").asText();
      page(session, OFFICER_DOSSIER, "/officer/dossiers/" + code);
      think(random);
      String decision = switch (taskKey) {
        case Tasks.RECEPTION -> Decisions.ACCEPT;
        case Tasks.APPRAISAL -> Decisions.FORWARD;
        case Tasks.APPROVAL -> Decisions.APPROVE;
        case Tasks.RESULT_RETURN -> Decisions.RETURN;
        default -> null;
      };
      if (decision == null) {
        think(random);
        continue;
      }
      if (taskKey.equals(Tasks.RESULT_RETURN) && !uploadResultIfAwaited(session, code)) {
        think(random);
        continue;
      }
      decide(session, code, taskId, decision);
      think(random);
    }
  }

  private void supervisor(int i, Random random) throws InterruptedException {
    String[] accounts = {"supervisor.tinh", "supervisor.vithanh", "supervisor.vitan"};
    Session session = new Session(accounts[Math.floorMod(i, accounts.length)]);
    signIn(session);
    LocalDate today = LocalDate.now();
    while (!stopping) {
      page(session, DASHBOARD, "/supervisor/dashboard");
      think(random);
      think(random);
      api(session, EXPORT, "GET", "/api/reports/breakdown?by=agency&from=" + today.withDayOfYear(1) + "&to=" + today
          + "&format=csv", null, null, Set.of(200));
      think(random);
      think(random);
    }
  }

  // ---- the actions ----------------------------------------------------------------------------------------------

  /** Signs in through the login form (the CSRF token from the form, then the session cookie). */
  private void signIn(Session session) throws InterruptedException {
    while (!stopping) {
      Reply form = send(session, null, "GET", "/login", null, null, false);
      Matcher csrf = form.status == 200 ? CSRF.matcher(form.text()) : null;
      if (csrf != null && csrf.find()) {
        String body = "username=" + session.user + "&password=" + password(session.user) + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        Reply in = send(session, SIGN_IN, "POST", "/login", "application/x-www-form-urlencoded",
            body.getBytes(StandardCharsets.UTF_8), false);
        boolean ok = in.status == 302 && !String.valueOf(in.header("Location")).contains("error");
        count(SIGN_IN, in, ok ? Set.of(in.status) : Set.of(302));
        if (ok) {
          return;
        }
      }
      Thread.sleep(1000);
    }
  }

  /** A page (HTML) with the session's cookie; expected 200. */
  private Reply page(Session session, String klass, String path) {
    Reply r = send(session, klass, "GET", path, null, null, false);
    count(klass, r, Set.of(200));
    return r;
  }

  /** An API call with the user's own credentials (HTTP Basic, as a portal client or integration calls it). */
  private Reply api(Session session, String klass, String method, String path, String contentType, byte[] body,
      Set<Integer> expected) {
    Reply r = send(session, klass, method, path, contentType, body, true);
    count(klass, r, expected);
    return r;
  }

  /** The online submission with its two component files in one multipart call; the dossier's code, or null. */
  private String submit(Session session, Random random) throws InterruptedException {
    String applicant = applicantPrefix() + String.format(Locale.ROOT, "%07d", applicants.incrementAndGet());
    String agency = AGENCY_CODES.get(AGENCIES[random.nextInt(AGENCIES.length)]);
    Multipart form = new Multipart();
    form.json("dossier", "{\"procedureCode\":\"" + PROCEDURE + "\",\"agencyCode\":\"" + agency
        + "\",\"applicant\":{\"name\":\"" + applicant + "\",\"idNumber\":\"" + CITIZENS.get(session.user)
        + "\",\"phone\":\"" + PHONE + "\"}}");
    for (String component : COMPONENTS) {
      form.file(component, component.toLowerCase(Locale.ROOT) + ".pdf", PDF);
    }
    for (int attempt = 0; attempt < 5 && !stopping; attempt++) {
      Reply r = api(session, SUBMISSION, "POST", "/api/dossiers", form.contentType(), form.bytes(), Set.of(201));
      if (r.status == 201) {
        String code = r.json().path("code").asText();
        acknowledged.put(code, applicant);
        return code;
      }
      if (r.status != LoadStats.LOST_STATUS || submittedLookup == null) {
        return null;
      }
      // The answer was lost: did the submission commit before the node died?
      Optional<String> found = submittedLookup.apply(applicant);
      if (found.isPresent()) {
        lostResolvedDone.incrementAndGet();
        acknowledged.put(found.get(), applicant);
        return found.get();
      }
      lostResent.incrementAndGet();
      Thread.sleep(500);
    }
    return null;
  }

  /** The public tracking page: the form (its CSRF token), then the code and the phone's last four digits. */
  private void track(Session session, String code) {
    Reply form = page(session, TRACK_FORM, "/track?code=" + code);
    Matcher csrf = form.status == 200 ? CSRF.matcher(form.text()) : null;
    if (csrf == null || !csrf.find()) {
      return;
    }
    String body = "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&phone=" + PHONE.substring(6)
        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    Reply r = send(session, TRACK, "POST", "/track", "application/x-www-form-urlencoded",
        body.getBytes(StandardCharsets.UTF_8), false);
    // The page answers 200 also when nothing was found (its not-found alert): a found dossier shows its code.
    boolean found = r.status == 200 && !r.text().contains("id=\"not-found\"") && r.text().contains(code);
    count(TRACK, r, found ? Set.of(200) : Set.of());
  }

  /**
   * Uploads the e-result when the dossier awaits it; true when the return may be decided. A lost upload is checked
   * (the dossier no longer awaits it) before it is sent again.
   */
  private boolean uploadResultIfAwaited(Session session, String code) throws InterruptedException {
    for (int attempt = 0; attempt < 5 && !stopping; attempt++) {
      Reply dossier = api(session, DOSSIER_API, "GET", "/api/dossiers/" + code, null, null, Set.of(200));
      if (dossier.status != 200) {
        return false;
      }
      if (!dossier.json().path("allows").path("awaitsResultUpload").asBoolean()) {
        if (attempt > 0) {
          lostResolvedDone.incrementAndGet();
        }
        return true;
      }
      if (attempt > 0) {
        lostResent.incrementAndGet();
      }
      Multipart form = new Multipart();
      form.file("file", "ket-qua.pdf", PDF);
      Reply r = send(session, RESULT_UPLOAD, "POST", "/api/dossiers/" + code + "/result", form.contentType(),
          form.bytes(), true);
      if (r.status == 409 && "RESULT_NOT_EXPECTED".equals(r.problemCode())) {
        // Another clerk on this account uploaded it first, or the dossier still awaits it (an error)?
        Reply again = api(session, DOSSIER_API, "GET", "/api/dossiers/" + code, null, null, Set.of(200));
        boolean awaited = again.status != 200 || again.json().path("allows").path("awaitsResultUpload").asBoolean();
        record(RESULT_UPLOAD, r, LoadStats.classifyAfterCheck(r.status, r.problemCode(), Set.of(201), awaited));
        return false;
      }
      count(RESULT_UPLOAD, r, Set.of(201));
      if (r.status == 201) {
        return true;
      }
      if (r.status != LoadStats.LOST_STATUS) {
        return false;
      }
      Thread.sleep(500);
    }
    return false;
  }

  /** Completes the task; when the answer was lost, checks whether the task is still open before sending it again. */
  private void decide(Session session, String code, String taskId, String decision) throws InterruptedException {
    byte[] body = ("{\"decision\":\"" + decision + "\"}").getBytes(StandardCharsets.UTF_8);
    for (int attempt = 0; attempt < 5 && !stopping; attempt++) {
      Reply r = send(session, DECISION, "POST", "/api/tasks/" + taskId + "/complete", "application/json", body,
          true);
      if (r.status == 404 && "TASK_NOT_FOUND".equals(r.problemCode())) {
        // Completed by another officer on this account since the inbox was read, or a task that vanished (an error)?
        record(DECISION, r, LoadStats.classifyAfterCheck(r.status, r.problemCode(), Set.of(200),
            stillOpen(session, code, taskId)));
        return;
      }
      count(DECISION, r, Set.of(200));
      if (r.status != LoadStats.LOST_STATUS) {
        return;
      }
      Thread.sleep(500);
      if (!stillOpen(session, code, taskId)) {
        lostResolvedDone.incrementAndGet();
        return;
      }
      lostResent.incrementAndGet();
    }
  }

  /** Whether the task is still among the dossier's current steps (true when the dossier cannot be read). */
  private boolean stillOpen(Session session, String code, String taskId) {
    Reply dossier = api(session, DOSSIER_API, "GET", "/api/dossiers/" + code, null, null, Set.of(200));
    if (dossier.status != 200) {
      return true;
    }
    for (JsonNode step : dossier.json().path("currentSteps")) {
      if (step.path("taskId").asText().equals(taskId)) {
        return true;
      }
    }
    return false;
  }

  private void think(Random random) throws InterruptedException {
    // Exponential think time with the given mean, capped at four times it.
    double t = Math.min(4 * thinkMillis, -thinkMillis * Math.log(1 - random.nextDouble()));
    long end = System.currentTimeMillis() + (long) t;
    while (!stopping && System.currentTimeMillis() < end) {
      Thread.sleep(Math.min(250, Math.max(1, end - System.currentTimeMillis())));
    }
  }

  private static String password(String user) {
    return "admin".equals(user) ? "admin" : "demo";
  }

  // ---- HTTP over the nodes --------------------------------------------------------------------------------------

  /** A virtual user's browser state: the account and the session cookie. */
  static final class Session {
    final String user;
    final Map<String, String> cookies = new HashMap<>();

    Session(String user) {
      this.user = user;
    }
  }

  record Reply(int status, byte[] body, Map<String, List<String>> headers, long nanos) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        return JSON.nullNode();
      }
    }

    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (name.equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    String problemCode() {
      String type = header("Content-Type");
      return type != null && type.contains("json") ? json().path("code").asText(null) : null;
    }
  }

  private void count(String klass, Reply r, Set<Integer> expected) {
    if (klass == null) {
      return;
    }
    record(klass, r, LoadStats.classify(r.status, r.status > 0 ? r.problemCode() : null, expected));
  }

  private void record(String klass, Reply r, LoadStats.Outcome outcome) {
    String code = r.status > 0 ? r.problemCode() : null;
    String detail = switch (r.status) {
      case LoadStats.LOST_STATUS -> "answer lost";
      case LoadStats.UNREACHABLE_STATUS -> "no node reachable";
      default -> r.status + (code == null ? "" : " " + code);
    };
    stats.record(klass, r.nanos, outcome, outcome == LoadStats.Outcome.RACE ? detail + " (race)" : detail);
  }

  /**
   * One request, round-robin over the nodes; a refused connection goes to the next node (and, all refusing, again
   * until {@link #unreachableAfterMillis}). A request whose answer did not come is never sent again here.
   */
  Reply send(Session session, String klass, String method, String path, String contentType, byte[] body,
      boolean basic) {
    boolean post = method.equals("POST");
    inFlight.incrementAndGet();
    if (post) {
      postsInFlight.incrementAndGet();
    }
    try {
      return sendOnce(session, method, path, contentType, body, basic);
    } finally {
      inFlight.decrementAndGet();
      if (post) {
        postsInFlight.decrementAndGet();
      }
    }
  }

  private Reply sendOnce(Session session, String method, String path, String contentType, byte[] body,
      boolean basic) {
    long giveUp = System.currentTimeMillis() + unreachableAfterMillis;
    int first = roundRobin.getAndIncrement();
    for (int n = 0; ; n++) {
      URI node = nodes.get(Math.floorMod(first + n, nodes.size()));
      long t0 = System.nanoTime();
      HttpURLConnection c = null;
      try {
        c = (HttpURLConnection) node.resolve(path).toURL().openConnection();
        c.setConnectTimeout(3_000);
        c.setReadTimeout(60_000);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setRequestMethod(method);
        c.setRequestProperty("Accept-Language", "vi");
        if (basic) {
          c.setRequestProperty("Authorization", LifecycleBenchmark.basic(session.user));
        } else if (!session.cookies.isEmpty()) {
          StringBuilder cookie = new StringBuilder();
          session.cookies.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=')
              .append(v));
          c.setRequestProperty("Cookie", cookie.toString());
        }
        if (body != null) {
          c.setDoOutput(true);
          c.setFixedLengthStreamingMode(body.length);
          c.setRequestProperty("Content-Type", contentType);
        }
        try {
          c.connect();
        } catch (ConnectException refused) {
          stats.refusedConnection();
          if (System.currentTimeMillis() > giveUp) {
            return new Reply(LoadStats.UNREACHABLE_STATUS, new byte[0], Map.of(), System.nanoTime() - t0);
          }
          if ((n + 1) % nodes.size() == 0) {
            Thread.sleep(200);
          }
          continue;
        }
        if (body != null) {
          try (OutputStream out = c.getOutputStream()) {
            out.write(body);
          }
        }
        int status = c.getResponseCode();
        byte[] answer;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
          answer = in == null ? new byte[0] : in.readAllBytes();
        }
        long nanos = System.nanoTime() - t0;
        Map<String, List<String>> headers = c.getHeaderFields();
        if (!basic) {
          for (String set : headers.getOrDefault("Set-Cookie", List.of())) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
              session.cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
          }
        }
        return new Reply(status, answer, headers, nanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Reply(LoadStats.LOST_STATUS, new byte[0], Map.of(), System.nanoTime() - t0);
      } catch (IOException e) {
        // Sent (at least in part) and no answer: the node died or stalled with the request.
        if (c != null) {
          c.disconnect();
        }
        if (method.equals("GET") && n < nodes.size() && !stopping) {
          // A page or read is safe to send again: nginx passes it to the next node (proxy_next_upstream error).
          stats.resentRead();
          continue;
        }
        return new Reply(LoadStats.LOST_STATUS, new byte[0], Map.of(), System.nanoTime() - t0);
      }
    }
  }

  /** The procedures of the catalogue in force: {code, name}, read once before the load starts (not measured). */
  List<String[]> catalogue() throws IOException {
    Session anonymous = new Session("anonymous");
    Reply r = send(anonymous, null, "GET", "/api/procedures?size=500", null, null, false);
    if (r.status != 200) {
      throw new IOException("the catalogue answered " + r.status);
    }
    List<String[]> all = new ArrayList<>();
    for (JsonNode p : r.json()) {
      all.add(new String[] {p.path("code").asText(), p.path("name").asText()});
    }
    if (all.isEmpty()) {
      throw new IOException("empty catalogue");
    }
    return all;
  }

  /** A multipart/form-data body. */
  static final class Multipart {
    private final String boundary = "motcua-load-" + System.nanoTime();
    private final StringBuilder text = new StringBuilder();

    void json(String name, String json) {
      text.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
          .append("\"\r\nContent-Type: application/json\r\n\r\n").append(json).append("\r\n");
    }

    void file(String name, String filename, String content) {
      text.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
          .append("\"; filename=\"").append(filename).append("\"\r\nContent-Type: application/pdf\r\n\r\n")
          .append(content).append("\r\n");
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
      return (text + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }
  }
}
