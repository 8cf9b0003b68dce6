package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dossier or a file the caller may not see is answered exactly as one that does not exist (404, same problem code
 * and body), access is checked before state, and only a caller who may see the dossier learns that an action is not
 * theirs (403).
 */
@MotcuaTest
class UnseenDossierTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  /** A code of the right form that nobody issued. */
  private static final String NO_SUCH_CODE = "000.00.12.H13-991231-9999";

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  private Dossiers flow;

  @BeforeEach
  void setUp() {
    flow = new Dossiers(api);
  }

  /** One call on a dossier, by code. */
  private record Call(String user, HttpMethod method, String path, Object body) {

    Api.Response on(Api api, String code) {
      String url = path.replace("{code}", code);
      if (body instanceof Map<?, ?> parts && parts.containsKey("file")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> multipart = (Map<String, Object>) parts;
        return api.upload(user, url, multipart);
      }
      return api.call(method, user, url, body, null);
    }
  }

  private static final Api.FilePart FILE = new Api.FilePart("a.pdf", Api.pdf("x"));

  /** Every dossier-scoped operation a stranger (another citizen, a clerk of another agency) might try. */
  private static List<Call> strangersCalls() {
    return List.of(
        new Call("citizen2", HttpMethod.GET, "/api/dossiers/{code}", null),
        new Call("citizen2", HttpMethod.GET, "/api/dossiers/{code}/documents", null),
        new Call("citizen2", HttpMethod.GET, "/api/dossiers/{code}/reuse-offers", null),
        new Call("citizen2", HttpMethod.GET, "/api/dossiers/{code}/payments", null),
        new Call("citizen2", HttpMethod.GET, "/api/dossiers/{code}/forms/receipt", null),
        new Call("citizen2", HttpMethod.GET, "/api/dossiers/{code}/forms/no-such-form", null),
        new Call("citizen2", HttpMethod.POST, "/api/dossiers/{code}/rating", Map.of("rating", 5)),
        new Call("citizen2", HttpMethod.POST, "/api/dossiers/{code}/withdrawal", Map.of("reason", "x")),
        new Call("citizen2", HttpMethod.POST, "/api/dossiers/{code}/supplements", Map.of("note", "x")),
        new Call("citizen2", HttpMethod.POST, "/api/dossiers/{code}/payments/online", null),
        new Call("citizen2", HttpMethod.POST, "/api/dossiers/{code}/documents/reuse",
            Map.of("component", "TO_KHAI", "warehouseItemId", 1)),
        new Call("citizen2", HttpMethod.POST, "/api/dossiers/{code}/documents",
            Map.of("component", "TO_KHAI", "file", FILE)),
        new Call("clerk.vithanh", HttpMethod.GET, "/api/dossiers/{code}", null),
        new Call("clerk.vithanh", HttpMethod.GET, "/api/dossiers/{code}/documents", null),
        new Call("clerk.vithanh", HttpMethod.GET, "/api/dossiers/{code}/payments", null),
        new Call("clerk.vithanh", HttpMethod.GET, "/api/dossiers/{code}/forms/control-slip", null),
        new Call("clerk.vithanh", HttpMethod.POST, "/api/dossiers/{code}/payments/counter",
            Map.of("method", "CASH", "receiptNumber", "BL-1")),
        new Call("clerk.vithanh", HttpMethod.POST, "/api/dossiers/{code}/payments/exemption",
            Map.of("reasonCode", "HO_NGHEO")),
        new Call("clerk.vithanh", HttpMethod.POST, "/api/dossiers/{code}/result", Map.of("file", FILE)),
        new Call("clerk.vithanh", HttpMethod.POST, "/api/dossiers/{code}/documents",
            Map.of("component", "TO_KHAI", "file", FILE)));
  }

  @Test
  void aStrangerGetsTheSameAnswerForSomeoneElsesDossierAsForACodeNobodyIssued() {
    String code = flow.submit("citizen", CRIMINAL_RECORD);
    long documents = count("document");
    long charges = count("charge");
    for (Call call : strangersCalls()) {
      Api.Response unknown = call.on(api, NO_SUCH_CODE);
      Api.Response existing = call.on(api, code);
      assertProblem(unknown, 404, "UNKNOWN_DOSSIER");
      assertSameAnswer(call.toString(), existing, unknown, body -> body.replace(code, NO_SUCH_CODE));
    }
    // Nothing was stored or changed by any of those calls.
    assertThat(count("document")).isEqualTo(documents);
    assertThat(count("charge")).isEqualTo(charges);
    JsonNode dossier = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(dossier.path("status").asInt()).isEqualTo(1);
    assertThat(dossier.path("satisfactionRating").isNull()).isTrue();
  }

  @Test
  void aStrangerCannotLearnThePaymentStateWhileThoseWhoSeeTheDossierDo() {
    String submitted = flow.submitComplete("citizen", CRIMINAL_RECORD); // status 1: no fee asked yet
    String awaiting = awaitingPayment(); // status 6: the fee is open
    for (Call call : List.of(
        new Call("citizen2", HttpMethod.POST, "/api/dossiers/{code}/payments/online", null),
        new Call("clerk.vithanh", HttpMethod.POST, "/api/dossiers/{code}/payments/counter",
            Map.of("method", "CASH", "receiptNumber", "BL-1")),
        new Call("clerk.vithanh", HttpMethod.POST, "/api/dossiers/{code}/payments/exemption",
            Map.of("reasonCode", "HO_NGHEO")))) {
      Api.Response unknown = call.on(api, NO_SUCH_CODE);
      for (String code : List.of(submitted, awaiting)) {
        // Before: 409 NO_OPEN_CHARGE for the first, 403 for the second — the difference told the state.
        assertSameAnswer(call + " " + code, call.on(api, code), unknown, body -> body.replace(code, NO_SUCH_CODE));
      }
    }
    // The owner and the agency's clerk may see both: they learn the state.
    assertProblem(api.post("citizen", "/api/dossiers/" + submitted + "/payments/online", null), 409,
        "NO_OPEN_CHARGE");
    assertProblem(api.post("clerk.stp", "/api/dossiers/" + submitted + "/payments/counter",
        Map.of("method", "CASH", "receiptNumber", "BL-1")), 409, "NO_OPEN_CHARGE");
    // The agency's specialist sees the dossier but does not take fees: 403, whatever the state.
    for (String code : List.of(submitted, awaiting)) {
      assertProblem(api.post("specialist.stp", "/api/dossiers/" + code + "/payments/counter",
          Map.of("method", "CASH", "receiptNumber", "BL-1")), 403, "DOSSIER_ACCESS_DENIED");
      assertProblem(api.post("specialist.stp", "/api/dossiers/" + code + "/payments/exemption",
          Map.of("reasonCode", "HO_NGHEO")), 403, "DOSSIER_ACCESS_DENIED");
    }
    // Nothing was paid: the fee is still open.
    JsonNode charge = api.get("citizen", "/api/dossiers/" + awaiting + "/payments").body().get(0);
    assertThat(charge.path("status").asText()).isEqualTo("OPEN");
    assertThat(api.get("citizen", "/api/dossiers/" + awaiting).body().path("status").asInt()).isEqualTo(6);
  }

  @Test
  void aFileOfADossierTheCallerMayNotSeeIsAnsweredAsAFileThatDoesNotExist() {
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    JsonNode files = api.get("citizen", "/api/dossiers/" + code + "/documents").body();
    long id = files.get(0).path("id").asLong();
    long none = StreamSupport.stream(files.spliterator(), false).mapToLong(f -> f.path("id").asLong()).max()
        .orElseThrow() + 1_000_000;
    assertThat(api.get("citizen", "/api/documents/" + id + "/content").status()).isEqualTo(200);
    for (String stranger : List.of("citizen2", "clerk.vithanh", "specialist.vithanh", "supervisor.vithanh")) {
      Api.Response unknown = api.get(stranger, "/api/documents/" + none + "/content");
      assertProblem(unknown, 404, "UNKNOWN_DOCUMENT");
      // The ids differ only in their digits (formatted for the reader's language).
      assertSameAnswer(stranger, api.get(stranger, "/api/documents/" + id + "/content"), unknown,
          body -> body.replaceAll("[0-9.,]", ""));
    }
    // Those who may see the dossier learn what is not theirs to do (403): the justice department's supervisor
    // neither downloads its files nor reads the warehouse offers, its clerk does not rate it for the applicant.
    assertProblem(api.get("supervisor.stp", "/api/documents/" + id + "/content"), 403, "DOSSIER_ACCESS_DENIED");
    assertProblem(api.get("supervisor.stp", "/api/dossiers/" + code + "/reuse-offers"), 403,
        "DOSSIER_ACCESS_DENIED");
    assertProblem(api.post("clerk.stp", "/api/dossiers/" + code + "/rating", Map.of("rating", 5)), 403,
        "DOSSIER_ACCESS_DENIED");
  }

  private String awaitingPayment() {
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", code, "accept", null);
    flow.decide("specialist.stp", code, "forward", null);
    assertThat(flow.decide("leader.stp", code, "approve", null).path("status").asInt()).isEqualTo(6);
    return code;
  }

  /** Same status, same content type, same body once the one thing that must differ (the code or id) is aligned. */
  private static void assertSameAnswer(String what, Api.Response actual, Api.Response unknown,
      Function<String, String> align) {
    assertThat(actual.status()).as(what + ": " + actual).isEqualTo(unknown.status());
    assertThat(actual.contentType()).as(what).isEqualTo(unknown.contentType());
    assertThat(align.apply(new String(actual.raw(), java.nio.charset.StandardCharsets.UTF_8))).as(what)
        .isEqualTo(align.apply(new String(unknown.raw(), java.nio.charset.StandardCharsets.UTF_8)));
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
