package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may call what: every endpoint Spring MVC maps (the application's controllers, springdoc's, Boot's error
 * controller and the actuator's web endpoints — every {@link RequestMappingInfoHandlerMapping} bean), and for each the
 * class of answer each persona gets. A new endpoint without an entry, or an entry whose endpoint is gone, fails the
 * build. Camunda's web apps and engine REST API are servlets of their own (not handler mappings), outside this table.
 *
 * <p>The classes, not exact statuses, because an allowed caller may still be refused for the fixture's state:
 * ALLOWED (neither 401, 403, 404 nor 5xx, and for pages no redirect to the login page), UNAUTHENTICATED (API: 401
 * problem+json; pages: 302 to /login), FORBIDDEN (403), HIDDEN (404 with exactly the problem code the same caller gets
 * for a code or id that does not exist: someone who may not see a dossier or document cannot tell it exists).
 *
 * <p>The same table is written to {@code target/authorization-matrix.md} and must stand in README.md between the
 * markers {@code <!-- authorization-matrix:start -->} and {@code <!-- authorization-matrix:end -->}.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  static final String STP = "000.00.12.H13";
  static final String IMPORT_HEADER = "code,procedure_code,agency_code,channel,submitted_at,received_at,due_at,"
      + "finished_at,returned_at,status,supplement_count,fee_vnd,paid_online,components_digitized,result_digitized";

  static final String ANONYMOUS = "anonymous";
  /** The officer pages' forms re-show the dossier page with the refusal next to the form (one step, one role). */
  static final String SHOWN_ON_PAGE = "the action's own refusal is shown on the dossier page";
  static final List<String> PERSONAS = List.of(ANONYMOUS, "citizen", "citizen2", "clerk.stp", "specialist.stp",
      "leader.stp", "clerk.sxd", "specialist.sxd", "leader.sxd", "supervisor.stp", "supervisor.tinh",
      "supervisor.sxd", "admin");

  static final Set<String> CITIZENS = Set.of("citizen", "citizen2");
  static final Set<String> STP_OFFICERS = Set.of("clerk.stp", "specialist.stp", "leader.stp");
  static final Set<String> OFFICERS = union(STP_OFFICERS, Set.of("clerk.sxd", "specialist.sxd", "leader.sxd"));
  static final Set<String> CLERKS = Set.of("clerk.stp", "clerk.sxd");
  static final Set<String> SUPERVISORS_ADMIN = Set.of("supervisor.stp", "supervisor.tinh", "supervisor.sxd", "admin");
  static final Set<String> ADMIN = Set.of("admin");
  static final Set<String> SIGNED_IN = Set.copyOf(PERSONAS.subList(1, PERSONAS.size()));
  /** Who may see the fixture dossier (Sở Tư pháp, owned by citizen): DossierAccess.canRead. */
  static final Set<String> SEES_DOSSIER = union(Set.of("citizen", "supervisor.stp", "supervisor.tinh", "admin"),
      STP_OFFICERS);
  static final Set<String> STP_SUBTREE_READERS = Set.of("supervisor.stp", "supervisor.tinh", "admin");
  /** Who may see the fixture feedback (about the fixture dossier, to Sở Tư pháp): FeedbackAccess.canSee. */
  static final Set<String> SEES_FEEDBACK = union(Set.of("citizen"), STP_OFFICERS, STP_SUBTREE_READERS);

  /** A dossier code of the right form that does not exist, and ids that do not exist. */
  static final Map<String, String> UNKNOWN = Map.of("code", STP + "-991231-9999", "id", "987654321",
      "taskId", "no-such-task");

  enum Expect {
    ALLOWED, UNAUTHENTICATED, FORBIDDEN, HIDDEN,
    /** Only for Boot's /error: reachable without signing in (what it answers depends on the error it reports). */
    REACHABLE
  }

  enum Kind { API, PAGE }

  /** How one persona calls one endpoint; {@code {code}}, {@code {id}}, {@code {taskId}} are filled from fixtures. */
  interface Call {
    Observed send(String persona, Map<String, String> vars);
  }

  record Observed(int status, String location, String contentType, String problemCode, String body) {

    @Override
    public String toString() {
      return status + (location == null ? "" : " → " + location)
          + (problemCode == null ? "" : " " + problemCode);
    }
  }

  /** One row of the table: a mapped endpoint, how it is called, and the expected class per persona. */
  record Entry(String endpoint, Kind kind, Call call, Map<String, Expect> expected, String note) {
  }

  @Autowired
  Api api;
  @Autowired
  ApplicationContext context;
  @LocalServerPort
  int port;

  private final Map<String, String> fixtures = new LinkedHashMap<>();
  private final Map<String, PageSession> sessions = new LinkedHashMap<>();
  private List<Entry> entries;

  @BeforeAll
  void fixtures() {
    Dossiers flow = new Dossiers(api);
    // The fixture dossier: online, Sở Tư pháp, owned by citizen, one file, waiting for reception (status 1).
    String code = flow.submit("citizen", CRIMINAL_RECORD);
    Api.Response uploaded = api.upload("citizen", "/api/dossiers/" + code + "/documents", Map.of(
        "component", "TO_KHAI", "file", new Api.FilePart("to-khai.pdf", Api.pdf("matrix"))));
    assertThat(uploaded.status()).as("upload: %s", uploaded).isEqualTo(201);
    fixtures.put("code", code);
    fixtures.put("id", uploaded.text("id"));
    fixtures.put("taskId", flow.task("clerk.stp", code).path("id").asText());
    // A second one of the same owner that only the withdrawal row uses (its owner's call really asks to withdraw).
    fixtures.put("withdrawalCode", flow.submit("citizen", CRIMINAL_RECORD));
    // An outbox event that is not a dead letter (the fixture's status change): a resend is refused with 409.
    fixtures.put("outboxId", api.get("admin", "/api/admin/outbox/events?topic=dossier.status-changed&dossierCode="
        + code).body().get(0).path("id").asText());
    Api.Response started = api.call(HttpMethod.POST, "admin", "/api/admin/imports", IMPORT_HEADER + "\n", null);
    assertThat(started.status()).as("import: %s", started).isEqualTo(202);
    fixtures.put("importId", started.text("id"));
    // A catalogue import previewed (the catalogue in force sent back: nothing to commit, nothing changes).
    byte[] catalogue = api.get("admin", "/api/admin/catalogue-imports/current.csv").raw();
    Api.Response previewed = api.upload("admin", "/api/admin/catalogue-imports",
        Map.of("file", new Api.FilePart("danh-muc.csv", catalogue)));
    assertThat(previewed.status()).as("catalogue import: %s", previewed).isEqualTo(201);
    fixtures.put("catalogueImportId", previewed.text("id"));
    // A feedback (phản ánh, kiến nghị) of the owner about the fixture dossier, answered by Sở Tư pháp.
    Api.Response feedback = api.post("citizen", "/api/feedback", Map.of("dossierCode", code, "title", "Kiểm tra quyền",
        "content", "Phản ánh của ma trận phân quyền."));
    assertThat(feedback.status()).as("feedback: %s", feedback).isEqualTo(201);
    fixtures.put("feedbackId", feedback.text("id"));
    // Two drafts of citizen (issue 18): one the API rows use (the last deletes it), one the page's delete row uses.
    for (String draft : List.of("draftId", "pageDraftId")) {
      Api.Response saved = api.post("citizen", "/api/drafts", Map.of("procedureCode", CRIMINAL_RECORD,
          "data", Map.of("fields", Map.of("name", "Nguyễn Văn An"))));
      assertThat(saved.status()).as("draft: %s", saved).isEqualTo(201);
      fixtures.put(draft, saved.text("id"));
    }
    sessions.put(ANONYMOUS, PageSession.anonymous(port));
    for (String persona : SIGNED_IN) {
      sessions.put(persona, PageSession.signedIn(port, persona));
    }
    entries = table();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The table
  // ---------------------------------------------------------------------------------------------------------------

  private List<Entry> table() {
    String today = LocalDate.now().toString();
    String period = "from=2025-01-01&to=" + LocalDate.now().plusDays(1);
    List<Entry> t = new ArrayList<>();

    // Public API: catalogue, calendar, the gateway's IPN (authenticated by its signature).
    t.add(api("GET /api/agencies", get("/api/agencies"), everyone(), null));
    t.add(api("GET /api/procedures", get("/api/procedures"), everyone(), null));
    t.add(api("GET /api/procedures/{code}", get("/api/procedures/" + CRIMINAL_RECORD), everyone(), null));
    t.add(api("GET /api/procedures/{code}/form", get("/api/procedures/" + CRIMINAL_RECORD + "/form"), everyone(),
        "prefill for a signed-in caller"));
    t.add(api("POST /api/procedures/{code}/form/case", post("/api/procedures/" + CRIMINAL_RECORD + "/form/case",
        "{\"form\":{}}"), roles(SIGNED_IN), "nothing stored"));
    t.add(api("GET /api/calendar/due", get("/api/calendar/due?from=2025-01-23T09:00&workingDays=5"), everyone(),
        null));
    t.add(api("GET /api/calendar/holidays", get("/api/calendar/holidays?year=2025"), everyone(), null));
    t.add(api("GET /api/payments/{gateway}/ipn", get("/api/payments/vnpay/ipn?vnp_TxnRef=none"), everyone(),
        "signed by the gateway"));

    // Dossiers.
    t.add(api("POST /api/dossiers", post("/api/dossiers", "{}"), roles(CITIZENS), null));
    t.add(api("POST /api/dossiers (multipart)", (persona, vars) -> apiCall(persona,
        (user) -> api.upload(user, "/api/dossiers", Map.of("dossier", json("{}")))), roles(CITIZENS), null));
    t.add(api("GET /api/dossiers", get("/api/dossiers"), roles(SIGNED_IN), "each sees their own scope"));
    t.add(api("GET /api/dossiers/{code}", get("/api/dossiers/{code}"), dossier(SIGNED_IN, SEES_DOSSIER), null));
    t.add(api("POST /api/dossiers/{code}/supplements", post("/api/dossiers/{code}/supplements", "{\"note\":\"x\"}"),
        dossier(SIGNED_IN, Set.of("citizen", "clerk.stp")), null));
    t.add(api("POST /api/dossiers/{code}/financial-obligation",
        post("/api/dossiers/{code}/financial-obligation", "{\"receipt\":\"x\"}"),
        dossier(SIGNED_IN, Set.of("citizen", "clerk.stp")), null));
    t.add(api("POST /api/dossiers/{code}/withdrawal",
        (persona, vars) -> apiCall(persona, user -> api.post(user, "/api/dossiers/" + vars.get("withdrawalCode")
            + "/withdrawal", "{\"reason\":\"Kiểm tra quyền\"}")),
        dossier(SIGNED_IN, Set.of("citizen")), null));
    t.add(api("POST /api/dossiers/{code}/rating", post("/api/dossiers/{code}/rating", "{\"rating\":5}"),
        dossier(SIGNED_IN, Set.of("citizen")), null));
    t.add(api("POST /api/counter/dossiers", post("/api/counter/dossiers", "{}"), roles(CLERKS), null));
    t.add(api("GET /api/dossiers/{code}/case", get("/api/dossiers/{code}/case?caseCode=GIAM_PHI"),
        dossier(SIGNED_IN, Set.of("clerk.stp")), null));
    t.add(api("POST /api/dossiers/{code}/case", post("/api/dossiers/{code}/case", "{\"caseCode\":\"KHONG_CO\"}"),
        dossier(SIGNED_IN, Set.of("clerk.stp")), null));
    t.add(api("POST /api/dossiers/{code}/form/corrections", post("/api/dossiers/{code}/form/corrections",
        "{\"field\":\"person.fullName\",\"value\":\"Nguyễn Văn Ân\"}"), dossier(SIGNED_IN, Set.of("clerk.stp")),
        "409 for this dossier: its declaration came as a file"));
    // Drafts (bản nháp): a citizen's own; another citizen's answer is that of a draft that does not exist.
    t.add(api("GET /api/drafts", get("/api/drafts"), gated(SIGNED_IN, CITIZENS), "the caller's own"));
    t.add(api("POST /api/drafts", post("/api/drafts", "{\"procedureCode\":\"" + CRIMINAL_RECORD
        + "\",\"data\":{}}"), gated(SIGNED_IN, CITIZENS), "owned by the caller"));
    t.add(api("GET /api/drafts/{id}", get("/api/drafts/{draftId}"), draft(), null));
    t.add(api("PUT /api/drafts/{id}", (persona, vars) -> apiCall(persona, user -> api.call(HttpMethod.PUT, user,
        "/api/drafts/" + vars.get("draftId"), Map.of("procedureCode", CRIMINAL_RECORD, "data", Map.of()), null)),
        draft(), null));
    t.add(api("DELETE /api/drafts/{id}", (persona, vars) -> apiCall(persona, user -> api.call(HttpMethod.DELETE,
        user, "/api/drafts/" + vars.get("draftId"), null, null)), draft(), null));
    t.add(api("GET /api/dossiers/{code}/forms/{form}", get("/api/dossiers/{code}/forms/control-slip"),
        dossier(SIGNED_IN, SEES_DOSSIER), null));

    // Documents.
    t.add(api("POST /api/dossiers/{code}/documents (multipart)", (persona, vars) -> apiCall(persona,
        user -> api.upload(user, "/api/dossiers/" + vars.get("code") + "/documents",
            Map.of("component", "TO_KHAI", "file", new Api.FilePart("empty.pdf", new byte[0])))),
        dossier(SIGNED_IN, Set.of("citizen", "clerk.stp")), null));
    t.add(api("POST /api/dossiers/{code}/documents/reuse", post("/api/dossiers/{code}/documents/reuse",
        "{\"component\":\"NO_SUCH_COMPONENT\",\"warehouseItemId\":1}"),
        dossier(SIGNED_IN, Set.of("citizen", "clerk.stp")), null));
    t.add(api("GET /api/dossiers/{code}/documents", get("/api/dossiers/{code}/documents"),
        dossier(SIGNED_IN, SEES_DOSSIER), null));
    t.add(api("GET /api/dossiers/{code}/reuse-offers", get("/api/dossiers/{code}/reuse-offers"),
        dossier(SIGNED_IN, union(Set.of("citizen", "admin"), STP_OFFICERS)), null));
    t.add(api("POST /api/dossiers/{code}/result (multipart)", (persona, vars) -> apiCall(persona,
        user -> api.upload(user, "/api/dossiers/" + vars.get("code") + "/result",
            Map.of("file", new Api.FilePart("ket-qua.pdf", Api.pdf("matrix result"))))),
        dossier(SIGNED_IN, STP_OFFICERS), null));
    t.add(api("POST /api/dossiers/{code}/stage-result (multipart)", (persona, vars) -> apiCall(persona,
        user -> api.upload(user, "/api/dossiers/" + vars.get("code") + "/stage-result",
            Map.of("file", new Api.FilePart("giai-doan.pdf", Api.pdf("matrix stage result"))))),
        dossier(SIGNED_IN, Set.of()), "only the agency of the stage a chained dossier is in (this one has none)"));
    t.add(api("GET /api/documents/{id}/content", get("/api/documents/{id}/content"),
        dossier(SIGNED_IN, union(Set.of("citizen", "admin"), STP_OFFICERS)), null));
    t.add(api("GET /api/warehouse", get("/api/warehouse"), gated(SIGNED_IN, CITIZENS), "the caller's own"));

    // Fees.
    t.add(api("GET /api/dossiers/{code}/payments", get("/api/dossiers/{code}/payments"),
        dossier(SIGNED_IN, SEES_DOSSIER), null));
    t.add(api("POST /api/dossiers/{code}/payments/online", post("/api/dossiers/{code}/payments/online", null),
        dossier(SIGNED_IN, Set.of("citizen")), null));
    t.add(api("POST /api/dossiers/{code}/payments/counter", post("/api/dossiers/{code}/payments/counter",
        "{\"method\":\"CASH\",\"receiptNumber\":\"BL-MATRIX\"}"), dossier(SIGNED_IN, Set.of("clerk.stp")), null));
    t.add(api("POST /api/dossiers/{code}/payments/exemption", post("/api/dossiers/{code}/payments/exemption",
        "{\"reasonCode\":\"NO_SUCH_GROUND\"}"), dossier(SIGNED_IN, Set.of("clerk.stp")), null));

    // Tasks: the fixture's reception task is offered to the clerks of Sở Tư pháp.
    t.add(api("GET /api/tasks", get("/api/tasks"), roles(OFFICERS), "the caller's agency and role"));
    t.add(api("POST /api/tasks/{id}/claim", post("/api/tasks/{taskId}/claim", null),
        dossier(OFFICERS, Set.of("clerk.stp")), null));
    t.add(api("POST /api/tasks/{id}/complete", post("/api/tasks/{taskId}/complete",
        "{\"decision\":\"no-such-decision\"}"), dossier(OFFICERS, Set.of("clerk.stp")), null));

    // Registers and reports (of Sở Tư pháp).
    t.add(api("GET /api/register", get("/api/register?" + period + "&agency=" + STP),
        gated(SIGNED_IN, union(STP_OFFICERS, STP_SUBTREE_READERS)), "officers: own agency; supervisors: subtree"));
    t.add(api("GET /api/reports/summary", get("/api/reports/summary?" + period), roles(SUPERVISORS_ADMIN),
        "supervisors: subtree"));
    t.add(api("GET /api/reports/summary [format]", get("/api/reports/summary?format=csv&" + period),
        roles(SUPERVISORS_ADMIN), "CSV, Excel"));
    t.add(api("GET /api/reports/breakdown", get("/api/reports/breakdown?by=agency&" + period),
        roles(SUPERVISORS_ADMIN), null));
    t.add(api("GET /api/reports/breakdown [format]", get("/api/reports/breakdown?by=agency&format=csv&" + period),
        roles(SUPERVISORS_ADMIN), "CSV, Excel"));
    t.add(api("GET /api/reports/register", get("/api/reports/register?" + period + "&agency=" + STP),
        gated(SUPERVISORS_ADMIN, STP_SUBTREE_READERS), "subtree"));
    t.add(api("GET /api/reports/register [format]", get("/api/reports/register?format=csv&" + period
        + "&agency=" + STP), gated(SUPERVISORS_ADMIN, STP_SUBTREE_READERS), "subtree; CSV, Excel"));
    t.add(api("GET /api/reports/overrunning-steps", get("/api/reports/overrunning-steps?agency=" + STP),
        gated(SUPERVISORS_ADMIN, STP_SUBTREE_READERS), "subtree, by the step's agency"));
    t.add(api("GET /api/reports/reconciliation", get("/api/reports/reconciliation?date=" + today),
        roles(SUPERVISORS_ADMIN), "supervisors: subtree"));
    t.add(api("GET /api/reports/reconciliation.csv", get("/api/reports/reconciliation.csv?date=" + today),
        roles(SUPERVISORS_ADMIN), "supervisors: subtree"));

    // Notifications (issue 16): the account's own choice; a dossier's messages for whoever may read the dossier.
    t.add(api("GET /api/notifications/preferences", get("/api/notifications/preferences"),
        roles(SIGNED_IN), "the caller's own"));
    t.add(api("PUT /api/notifications/preferences", (persona, vars) -> apiCall(persona,
        user -> api.call(HttpMethod.PUT, user, "/api/notifications/preferences", "{\"channels\":[\"PIGEON\"]}",
            null)), roles(SIGNED_IN), "the caller's own; 400: unknown channel"));
    t.add(api("GET /api/dossiers/{code}/messages", get("/api/dossiers/{code}/messages"),
        dossier(SIGNED_IN, SEES_DOSSIER), null));

    // The outbox (issue 16): administrators only.
    t.add(api("GET /api/admin/outbox", get("/api/admin/outbox"), roles(ADMIN), null));
    t.add(api("GET /api/admin/outbox/events", get("/api/admin/outbox/events?state=DEAD"), roles(ADMIN), null));
    t.add(api("POST /api/admin/outbox/events/{id}/resend", post("/api/admin/outbox/events/{outboxId}/resend", null),
        roles(ADMIN), "409: not a dead letter"));
    // Feedback (phản ánh, kiến nghị) about the fixture dossier: its citizen, Sở Tư pháp's officers act; supervisors
    // above it and admin read; the others cannot tell it exists.
    t.add(api("POST /api/feedback", (persona, vars) -> apiCall(persona, user -> api.post(user, "/api/feedback",
        Map.of("dossierCode", vars.get("code"), "title", "t", "content", "c"))), fill(p -> p.equals(ANONYMOUS) ? Expect.UNAUTHENTICATED
            : p.equals("citizen") ? Expect.ALLOWED : p.equals("citizen2") ? Expect.HIDDEN : Expect.FORBIDDEN),
        "about the caller's own dossier"));
    t.add(api("GET /api/feedback", get("/api/feedback"), roles(SIGNED_IN), "each sees their own scope"));
    t.add(api("GET /api/feedback/overdue", get("/api/feedback/overdue"), gated(SIGNED_IN, SUPERVISORS_ADMIN),
        "supervisors: subtree"));
    t.add(api("GET /api/feedback/{id}", get("/api/feedback/{feedbackId}"), feedback(SEES_FEEDBACK), null));
    for (String action : List.of("rejection", "information-request", "answer")) {
      t.add(api("POST /api/feedback/{id}/" + action, post("/api/feedback/{feedbackId}/" + action,
          "{\"text\":\"Kiểm tra quyền\"}"), feedback(STP_OFFICERS), "the agency's officers"));
    }
    t.add(api("POST /api/feedback/{id}/information", post("/api/feedback/{feedbackId}/information",
        "{\"text\":\"x\"}"), feedback(Set.of("citizen")), "its citizen"));
    t.add(api("POST /api/feedback/{id}/reaction", post("/api/feedback/{feedbackId}/reaction",
        "{\"reaction\":\"LIKE\"}"), feedback(Set.of("citizen")), "its citizen"));

    // Administration.
    t.add(api("POST /api/admin/imports", (persona, vars) -> apiCall(persona,
        user -> api.call(HttpMethod.POST, user, "/api/admin/imports", "not,a,register\n", null)), roles(ADMIN),
        null));
    t.add(api("GET /api/admin/imports/{id}", (persona, vars) -> apiCall(persona,
        user -> api.get(user, "/api/admin/imports/" + vars.get("importId"))), roles(ADMIN), null));
    t.add(api("POST /api/admin/catalogue-imports (multipart)", (persona, vars) -> apiCall(persona,
        user -> api.upload(user, "/api/admin/catalogue-imports", Map.of("file", new Api.FilePart("x.csv",
            "Mã thủ tục\n1\n".getBytes(StandardCharsets.UTF_8))))), roles(ADMIN), "422: nothing stored"));
    t.add(api("GET /api/admin/catalogue-imports", get("/api/admin/catalogue-imports"), roles(ADMIN), null));
    t.add(api("POST /api/admin/portal-sync/resend", (persona, vars) -> apiCall(persona,
        user -> api.post(user, "/api/admin/portal-sync/resend?from=2031-01-01&to=2031-01-01", null)), roles(ADMIN),
        null));
    t.add(api("GET /api/admin/catalogue-imports/{id}", (persona, vars) -> apiCall(persona,
        user -> api.get(user, "/api/admin/catalogue-imports/" + vars.get("catalogueImportId"))), roles(ADMIN), null));
    t.add(api("POST /api/admin/catalogue-imports/{id}/commit", (persona, vars) -> apiCall(persona,
        user -> api.post(user, "/api/admin/catalogue-imports/" + vars.get("catalogueImportId") + "/commit",
            Map.of("effectiveFrom", today, "decision", "QĐ"))), roles(ADMIN), "409: nothing to commit"));
    t.add(api("GET /api/admin/catalogue-imports/current.csv", get("/api/admin/catalogue-imports/current.csv"),
        roles(ADMIN), "CSV"));
    t.add(api("GET /actuator", get("/actuator"), roles(ADMIN), null));
    t.add(api("GET /actuator/health", get("/actuator/health"), everyone(), "details for ADMIN"));
    t.add(api("GET /actuator/health/**", get("/actuator/health/liveness"), everyone(), null));
    t.add(api("GET /actuator/info", get("/actuator/info"), roles(ADMIN), null));
    t.add(api("GET /actuator/metrics", get("/actuator/metrics"), roles(ADMIN), null));
    t.add(api("GET /actuator/metrics/{requiredMetricName}", get("/actuator/metrics/jvm.threads.live"), roles(ADMIN),
        null));
    t.add(api("GET /actuator/prometheus", get("/actuator/prometheus"), roles(ADMIN), null));

    // Public pages.
    t.add(page("GET /", pageGet("/"), everyone(), "to the caller's home"));
    t.add(page("GET /login", pageGet("/login"), everyone(), null));
    t.add(page("GET /procedures", pageGet("/procedures"), everyone(), null));
    t.add(page("GET /procedures/{code}", pageGet("/procedures/" + CRIMINAL_RECORD), everyone(), null));
    t.add(page("GET /track", pageGet("/track"), everyone(), null));
    t.add(page("GET /tra-cuu", pageGet("/tra-cuu"), everyone(), null));
    t.add(page("POST /track", pagePost("/track", Map.of("code", UNKNOWN.get("code"), "phone", "0000")),
        everyone(), null));
    t.add(page("GET /payments/{gateway}/return", pageGet("/payments/vnpay/return"), everyone(), null));
    t.add(page("GET /sandbox/vnpay/pay", pageGet("/sandbox/vnpay/pay"), everyone(), "sandbox gateway (demo)"));
    t.add(page("POST /sandbox/vnpay/pay", pagePost("/sandbox/vnpay/pay", Map.of("outcome", "cancel")), everyone(),
        "sandbox gateway (demo)"));
    t.add(page("GET /v3/api-docs", pageGet("/v3/api-docs"), roles(ADMIN), "everyone in the demo profile"));
    t.add(page("GET /v3/api-docs.yaml", pageGet("/v3/api-docs.yaml"), roles(ADMIN), "everyone in the demo profile"));
    t.add(page("GET /v3/api-docs/swagger-config", pageGet("/v3/api-docs/swagger-config"), roles(ADMIN),
        "everyone in the demo profile"));
    t.add(page("GET /swagger-ui.html", pageGet("/swagger-ui.html"), roles(ADMIN), "everyone in the demo profile"));
    t.add(new Entry("ANY /error", Kind.PAGE, pageGet("/error"), fill(p -> Expect.REACHABLE), "Boot's error page"));

    // Citizen pages.
    t.add(page("GET /citizen/submit/{procedureCode}", pageGet("/citizen/submit/" + CRIMINAL_RECORD),
        roles(CITIZENS), null));
    t.add(page("POST /citizen/submit/{procedureCode}", pagePost("/citizen/submit/" + CRIMINAL_RECORD, Map.of()),
        roles(CITIZENS), null));
    t.add(page("POST /citizen/submit/{procedureCode}/case", pagePost("/citizen/submit/" + CRIMINAL_RECORD + "/case",
        Map.of()), roles(CITIZENS), "nothing stored"));
    t.add(page("POST /citizen/drafts/{id}/delete", pagePost("/citizen/drafts/{pageDraftId}/delete", Map.of()),
        draft(), null));
    t.add(page("GET /citizen/dossiers", pageGet("/citizen/dossiers"), roles(CITIZENS), "the caller's own"));
    t.add(page("GET /citizen/notifications", pageGet("/citizen/notifications"), roles(CITIZENS),
        "the caller's own"));
    t.add(page("POST /citizen/notifications", pagePost("/citizen/notifications", Map.of("language", "xx")),
        roles(CITIZENS), "the caller's own; an unknown language is shown on the page"));
    t.add(page("GET /citizen/dossiers/{code}", pageGet("/citizen/dossiers/{code}"),
        dossier(CITIZENS, Set.of("citizen")), null));
    for (String form : List.of("supplement", "documents", "rating", "pay")) {
      t.add(page("GET /citizen/dossiers/{code}/" + form, pageGet("/citizen/dossiers/{code}/" + form),
          roles(CITIZENS), "back to the dossier page"));
    }
    t.add(page("POST /citizen/dossiers/{code}/documents", pagePost("/citizen/dossiers/{code}/documents", Map.of()),
        dossier(CITIZENS, Set.of("citizen")), null));
    t.add(page("POST /citizen/dossiers/{code}/supplement", pagePost("/citizen/dossiers/{code}/supplement",
        Map.of()), dossier(CITIZENS, Set.of("citizen")), null));
    t.add(page("POST /citizen/dossiers/{code}/pay", pagePost("/citizen/dossiers/{code}/pay", Map.of()),
        dossier(CITIZENS, Set.of("citizen")), null));
    t.add(page("POST /citizen/dossiers/{code}/rating", pagePost("/citizen/dossiers/{code}/rating", Map.of()),
        dossier(CITIZENS, Set.of("citizen")), null));

    t.add(page("GET /citizen/feedback", pageGet("/citizen/feedback"), roles(CITIZENS), "the caller's own"));
    t.add(page("POST /citizen/feedback", pagePost("/citizen/feedback", Map.of()), roles(CITIZENS),
        "the form again with its refusal"));
    t.add(page("GET /citizen/feedback/{id}", pageGet("/citizen/feedback/{feedbackId}"), feedbackPage(CITIZENS,
        Set.of("citizen")), null));
    t.add(page("POST /citizen/feedback/{id}/information", pagePost("/citizen/feedback/{feedbackId}/information",
        Map.of("text", "x")), feedbackPage(CITIZENS, Set.of("citizen")), null));
    t.add(page("POST /citizen/feedback/{id}/reaction", pagePost("/citizen/feedback/{feedbackId}/reaction",
        Map.of("reaction", "LIKE")), feedbackPage(CITIZENS, Set.of("citizen")), null));

    // Officer pages.
    t.add(page("GET /officer/inbox", pageGet("/officer/inbox"), roles(OFFICERS), "the caller's agency and role"));
    t.add(page("GET /officer/dossiers/{code}", pageGet("/officer/dossiers/{code}"),
        dossier(OFFICERS, STP_OFFICERS), null));
    t.add(page("GET /officer/dossiers/{code}/tasks/{taskId}", pageGet("/officer/dossiers/{code}/tasks/{taskId}"),
        roles(OFFICERS), "back to the dossier page"));
    t.add(page("POST /officer/dossiers/{code}/tasks/{taskId}", pagePost("/officer/dossiers/{code}/tasks/{taskId}",
        Map.of()), dossier(OFFICERS, STP_OFFICERS), SHOWN_ON_PAGE));
    t.add(page("GET /officer/dossiers/{code}/case", pageGet("/officer/dossiers/{code}/case?caseCode=GIAM_PHI"),
        dossier(OFFICERS, STP_OFFICERS), SHOWN_ON_PAGE));
    t.add(page("POST /officer/dossiers/{code}/case", pagePost("/officer/dossiers/{code}/case",
        Map.of("caseCode", "KHONG_CO")), dossier(OFFICERS, STP_OFFICERS), SHOWN_ON_PAGE));
    for (String form : List.of("documents", "result", "payment", "form")) {
      t.add(page("GET /officer/dossiers/{code}/" + form, pageGet("/officer/dossiers/{code}/" + form),
          roles(OFFICERS), "back to the dossier page"));
      t.add(page("POST /officer/dossiers/{code}/" + form, pagePost("/officer/dossiers/{code}/" + form, Map.of()),
          dossier(OFFICERS, STP_OFFICERS), SHOWN_ON_PAGE));
    }
    t.add(page("GET /officer/intake", pageGet("/officer/intake"), gated(OFFICERS, CLERKS), null));
    t.add(page("GET /officer/intake/{procedureCode}", pageGet("/officer/intake/" + CRIMINAL_RECORD),
        gated(OFFICERS, Set.of("clerk.stp")), "the procedure's agency"));
    t.add(page("POST /officer/intake/{procedureCode}", pagePost("/officer/intake/" + CRIMINAL_RECORD, Map.of()),
        gated(OFFICERS, Set.of("clerk.stp")), "the procedure's agency"));

    t.add(page("GET /officer/feedback", pageGet("/officer/feedback"), roles(OFFICERS), "the caller's agency"));
    t.add(page("GET /officer/feedback/{id}", pageGet("/officer/feedback/{feedbackId}"),
        feedbackPage(OFFICERS, STP_OFFICERS), null));
    t.add(page("POST /officer/feedback/{id}/{action}", pagePost("/officer/feedback/{feedbackId}/answer",
        Map.of("text", "x")), feedbackPage(OFFICERS, STP_OFFICERS), "the page again with the action's refusal"));

    // Supervisor and admin pages.
    t.add(page("GET /supervisor/feedback", pageGet("/supervisor/feedback"), roles(SUPERVISORS_ADMIN),
        "overdue feedback of the subtree"));
    t.add(page("GET /supervisor/feedback/{id}", pageGet("/supervisor/feedback/{feedbackId}"),
        feedbackPage(SUPERVISORS_ADMIN, STP_SUBTREE_READERS), null));
    t.add(page("GET /supervisor/dashboard", pageGet("/supervisor/dashboard"), roles(SUPERVISORS_ADMIN), "subtree"));
    t.add(page("GET /supervisor/dossiers", pageGet("/supervisor/dossiers"), roles(SUPERVISORS_ADMIN), "subtree"));
    t.add(page("GET /supervisor/overrunning-steps", pageGet("/supervisor/overrunning-steps"),
        roles(SUPERVISORS_ADMIN), "subtree"));
    t.add(page("GET /supervisor/dossiers/{code}", pageGet("/supervisor/dossiers/{code}"),
        dossier(SUPERVISORS_ADMIN, STP_SUBTREE_READERS), null));
    t.add(page("GET /admin", pageGet("/admin"), roles(ADMIN), null));
    t.add(page("GET /admin/catalogue-imports", pageGet("/admin/catalogue-imports"), roles(ADMIN), null));
    t.add(page("GET /admin/outbox", pageGet("/admin/outbox"), roles(ADMIN), null));
    t.add(page("POST /admin/outbox/events/{id}/resend", pagePost("/admin/outbox/events/{outboxId}/resend", Map.of()),
        roles(ADMIN), "not a dead letter: the refusal is shown on the page"));
    t.add(page("POST /admin/catalogue-imports", pagePost("/admin/catalogue-imports", Map.of()), roles(ADMIN),
        "400: no file"));
    t.add(page("GET /admin/catalogue-imports/{id}", pageGet("/admin/catalogue-imports/{catalogueImportId}"),
        roles(ADMIN), null));
    t.add(page("POST /admin/catalogue-imports/{id}/commit",
        pagePost("/admin/catalogue-imports/{catalogueImportId}/commit", Map.of()), roles(ADMIN), "400: no date"));
    return t;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Expectation rules
  // ---------------------------------------------------------------------------------------------------------------

  /** Public: everyone, signed in or not. */
  static Map<String, Expect> everyone() {
    return fill(p -> Expect.ALLOWED);
  }

  /** The security configuration lets these personas through; the rest are refused for their role. */
  static Map<String, Expect> roles(Set<String> allowed) {
    return gated(allowed, allowed);
  }

  /** Past the role check ({@code gate}), only {@code allowed} may; the others are refused (403). */
  static Map<String, Expect> gated(Set<String> gate, Set<String> allowed) {
    return fill(p -> p.equals(ANONYMOUS) ? Expect.UNAUTHENTICATED
        : gate.contains(p) && allowed.contains(p) ? Expect.ALLOWED : Expect.FORBIDDEN);
  }

  /**
   * About the fixture dossier (or its document or task): past the role check ({@code gate}), those who may act are
   * allowed, those who may see it but not act are refused (403), and those who may not see it get the answer for a
   * dossier that does not exist (404).
   */
  static Map<String, Expect> dossier(Set<String> gate, Set<String> mayAct) {
    return fill(p -> p.equals(ANONYMOUS) ? Expect.UNAUTHENTICATED
        : !gate.contains(p) ? Expect.FORBIDDEN
        : mayAct.contains(p) ? Expect.ALLOWED
        : SEES_DOSSIER.contains(p) ? Expect.FORBIDDEN : Expect.HIDDEN);
  }

  /**
   * About the fixture feedback: {@code mayAct} may; the others who see it (its citizen, Sở Tư pháp's officers,
   * supervisors above it, admin) are refused (403); the rest get the answer for a feedback that does not exist.
   */
  static Map<String, Expect> feedback(Set<String> mayAct) {
    return fill(p -> p.equals(ANONYMOUS) ? Expect.UNAUTHENTICATED
        : mayAct.contains(p) ? Expect.ALLOWED
        : SEES_FEEDBACK.contains(p) ? Expect.FORBIDDEN : Expect.HIDDEN);
  }

  /** A feedback page: past the role check ({@code gate}), {@code allowed} may; the others get 404. */
  static Map<String, Expect> feedbackPage(Set<String> gate, Set<String> allowed) {
    return fill(p -> p.equals(ANONYMOUS) ? Expect.UNAUTHENTICATED
        : !gate.contains(p) ? Expect.FORBIDDEN
        : allowed.contains(p) ? Expect.ALLOWED : Expect.HIDDEN);
  }

  /**
   * About the fixture draft of citizen: only its owner may; another citizen gets the answer for a draft that does not
   * exist (404); whoever is not a citizen has no drafts (403).
   */
  static Map<String, Expect> draft() {
    return fill(p -> p.equals(ANONYMOUS) ? Expect.UNAUTHENTICATED : p.equals("citizen") ? Expect.ALLOWED
        : CITIZENS.contains(p) ? Expect.HIDDEN : Expect.FORBIDDEN);
  }

  static Map<String, Expect> fill(Function<String, Expect> rule) {
    Map<String, Expect> expected = new LinkedHashMap<>();
    PERSONAS.forEach(p -> expected.put(p, rule.apply(p)));
    return expected;
  }

  @SafeVarargs
  static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Calls
  // ---------------------------------------------------------------------------------------------------------------

  private static Entry api(String endpoint, Call call, Map<String, Expect> expected, String note) {
    return new Entry(endpoint, Kind.API, call, expected, note);
  }

  private static Entry page(String endpoint, Call call, Map<String, Expect> expected, String note) {
    return new Entry(endpoint, Kind.PAGE, call, expected, note);
  }

  private Call get(String template) {
    return (persona, vars) -> apiCall(persona, user -> api.get(user, fill(template, vars)));
  }

  private Call post(String template, String jsonBody) {
    return (persona, vars) -> apiCall(persona, user -> api.post(user, fill(template, vars), jsonBody));
  }

  private Call pageGet(String template) {
    return (persona, vars) -> observed(sessions.get(persona).get(fill(template, vars)));
  }

  private Call pagePost(String template, Map<String, String> form) {
    return (persona, vars) -> observed(sessions.get(persona).post(fill(template, vars), form));
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static Observed apiCall(String persona, Function<String, Api.Response> call) {
    Api.Response r = call.apply(persona.equals(ANONYMOUS) ? null : persona);
    String type = r.contentType();
    String code = type != null && type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE) ? r.text("code") : null;
    return new Observed(r.status(), r.headers().getFirst(HttpHeaders.LOCATION), type, code,
        r.raw() == null ? "" : new String(r.raw(), StandardCharsets.UTF_8));
  }

  private static Observed observed(HttpResponse<String> r) {
    return new Observed(r.statusCode(), r.headers().firstValue("Location").orElse(null),
        r.headers().firstValue("Content-Type").orElse(null), null, r.body());
  }

  private static String fill(String template, Map<String, String> vars) {
    String path = template;
    for (Map.Entry<String, String> v : vars.entrySet()) {
      path = path.replace("{" + v.getKey() + "}", v.getValue());
    }
    return path;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Tests
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void everyMappedEndpointHasAnEntryAndEveryEntryIsMapped() {
    Set<String> mapped = mappedEndpoints();
    Set<String> listed = entries.stream().map(Entry::endpoint).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(mapped);
    missing.removeAll(listed);
    Set<String> gone = new TreeSet<>(listed);
    gone.removeAll(mapped);
    assertThat(missing).as("mapped endpoints without an entry in AuthorizationMatrixTest (add one per persona)")
        .isEmpty();
    assertThat(gone).as("entries of AuthorizationMatrixTest whose endpoint is no longer mapped").isEmpty();
  }

  /** One dynamic test per endpoint, in table order (rows that act on the fixtures are harmless to later ones). */
  @TestFactory
  Stream<DynamicTest> eachPersonaGetsTheExpectedAnswer() {
    return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.endpoint(), () -> check(entry)));
  }

  @Test
  void readmeShowsTheTable() throws IOException {
    String table = markdown();
    Path generated = Path.of("target", "authorization-matrix.md");
    Files.createDirectories(generated.getParent());
    Files.writeString(generated, table, StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String start = "<!-- authorization-matrix:start -->";
    String end = "<!-- authorization-matrix:end -->";
    int from = readme.indexOf(start);
    int to = readme.indexOf(end);
    assertThat(from >= 0 && to > from)
        .as("README.md has no section \"Who may call what\" between the markers %s and %s: add both markers and put "
            + "between them the table this test wrote to %s", start, end, generated.toAbsolutePath())
        .isTrue();
    String shown = readme.substring(from + start.length(), to).strip();
    assertThat(shown)
        .as("README.md's table between %s and %s differs from the expected authorization matrix: replace it with the "
            + "contents of %s (written by this test)", start, end, generated.toAbsolutePath())
        .isEqualTo(table.strip());
  }

  private void check(Entry entry) {
    Map<String, String> vars = new LinkedHashMap<>(fixtures);
    List<String> wrong = new ArrayList<>();
    for (String persona : PERSONAS) {
      Expect expected = entry.expected().get(persona);
      Observed got = entry.call().send(persona, vars);
      String problem = mismatch(entry, persona, expected, got);
      if (problem != null) {
        wrong.add(persona + ": expected " + expected + ", got " + got + problem);
      }
    }
    assertThat(wrong).as("%s: personas that got another answer than the matrix says", entry.endpoint()).isEmpty();
  }

  /** Null if the answer is of the expected class, else what is wrong with it. */
  private String mismatch(Entry entry, String persona, Expect expected, Observed got) {
    boolean api = entry.kind() == Kind.API;
    boolean problemJson = got.contentType() != null
        && got.contentType().startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    boolean toLogin = got.status() / 100 == 3 && got.location() != null && got.location().endsWith("/login");
    switch (expected) {
      case ALLOWED -> {
        boolean ok = got.status() != 401 && got.status() != 403 && got.status() != 404 && got.status() < 500
            && !toLogin;
        return ok ? null : "";
      }
      case REACHABLE -> {
        return got.status() != 401 && got.status() != 403 && !toLogin ? null : "";
      }
      case UNAUTHENTICATED -> {
        if (api) {
          return got.status() == 401 && problemJson && "UNAUTHENTICATED".equals(got.problemCode()) ? null : "";
        }
        return got.status() == 302 && toLogin ? null : "";
      }
      case FORBIDDEN -> {
        return got.status() == 403 && (!api || problemJson) ? null : "";
      }
      case HIDDEN -> {
        if (got.status() != 404) {
          return "";
        }
        if (!api) {
          return null;
        }
        Observed unknown = entry.call().send(persona, unknownVars());
        return problemJson && unknown.status() == 404 && java.util.Objects.equals(unknown.problemCode(),
            got.problemCode()) ? null : " (for one that does not exist: " + unknown + ")";
      }
      default -> throw new IllegalStateException(expected.name());
    }
  }

  private Map<String, String> unknownVars() {
    Map<String, String> vars = new LinkedHashMap<>(fixtures);
    vars.putAll(UNKNOWN);
    vars.put("withdrawalCode", UNKNOWN.get("code"));
    vars.put("feedbackId", UNKNOWN.get("id"));
    vars.put("draftId", UNKNOWN.get("id"));
    vars.put("pageDraftId", UNKNOWN.get("id"));
    return vars;
  }

  /** (method, pattern) of every handler method of every RequestMappingInfo handler mapping, as the table names them. */
  private Set<String> mappedEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
        .values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        String params = info.getParamsCondition().getExpressions().stream()
            .filter(e -> !e.isNegated()).map(e -> " [" + e.getName() + "]").collect(Collectors.joining());
        boolean multipart = info.getConsumesCondition().getConsumableMediaTypes()
            .contains(MediaType.MULTIPART_FORM_DATA);
        for (String pattern : info.getPatternValues()) {
          for (String method : methods.isEmpty() ? List.of("ANY")
              : methods.stream().map(Enum::name).toList()) {
            endpoints.add(method + " " + pattern + params + (multipart ? " (multipart)" : ""));
          }
        }
      }
    }
    return endpoints;
  }

  /** The README table: a row per endpoint, a column per persona. */
  String markdown() {
    StringBuilder md = new StringBuilder("| endpoint | ");
    md.append(PERSONAS.stream().map(p -> p.equals(ANONYMOUS) ? "anonymous" : p.equals("citizen")
        ? "`citizen` (owner)" : "`" + p + "`").collect(Collectors.joining(" | ")));
    md.append(" | note |\n|---|");
    md.append("---|".repeat(PERSONAS.size())).append("---|\n");
    for (Entry e : entries) {
      md.append("| `").append(e.endpoint()).append("` | ");
      for (String p : PERSONAS) {
        md.append(cell(e.kind(), e.expected().get(p))).append(" | ");
      }
      md.append(e.note() == null ? "" : e.note()).append(" |\n");
    }
    return md.toString();
  }

  private static String cell(Kind kind, Expect expect) {
    return switch (expect) {
      case ALLOWED, REACHABLE -> "✓";
      case UNAUTHENTICATED -> kind == Kind.API ? "401" : "→login";
      case FORBIDDEN -> "403";
      case HIDDEN -> "404";
    };
  }
}
