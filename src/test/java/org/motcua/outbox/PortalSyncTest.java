package org.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.eform.FormDefinitionsTest;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national portal's sync (README "National portal sync"): a criminal-record certificate carried from online
 * submission to returned result sends the portal, at each status change, the dossier in the portal's own field set;
 * an administrator sends a period again and the portal, deduplicating by key, applies nothing twice.
 *
 * <p>Dates by hand from config/calendar.yml: received Wednesday 29 Apr 2026 09:00; 10 working days skip Thursday 30
 * Apr and Friday 1 May (holidays) and the weekends: 4, 5, 6, 7, 8, 11, 12, 13, 14, 15 May → due Friday 15 May 09:00.
 * No other test works in May 2026.
 */
@MotcuaTest
class PortalSyncTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  OutboxRelay relay;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;
  @Autowired
  ObjectMapper json;

  Receiver portal;
  HttpSink sink;

  @BeforeEach
  void portalWithEmptyBacklog() throws Exception {
    clock.reset();
    portal = new Receiver();
    sink = new HttpSink(new OutboxProperties.Http(portal.url(), "portal-token", Duration.ofSeconds(10)));
    drain();
    portal.received.clear();
    portal.applied.clear();
  }

  @AfterEach
  void stop() {
    portal.close();
    clock.reset();
  }

  @Test
  void everyStatusChangeReachesThePortalInItsFieldSetAndAResentPeriodIsAppliedOnce() throws Exception {
    Dossiers flow = new Dossiers(api);
    clock.set(LocalDateTime.of(2026, 4, 29, 8, 30));
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    clock.set(LocalDateTime.of(2026, 4, 29, 9, 0));
    flow.decide("clerk.stp", code, "accept", null);
    clock.set(LocalDateTime.of(2026, 5, 6, 10, 0));
    flow.decide("specialist.stp", code, "forward", "Đủ điều kiện cấp Phiếu");
    clock.set(LocalDateTime.of(2026, 5, 7, 14, 0));
    flow.decide("leader.stp", code, "approve", null);
    clock.set(LocalDateTime.of(2026, 5, 8, 8, 0));
    flow.payAtCounter("clerk.stp", code);
    flow.uploadResult("leader.stp", code);
    clock.set(LocalDateTime.of(2026, 5, 8, 8, 30));
    flow.decide("clerk.stp", code, "return", null);

    drain();
    List<JsonNode> events = eventsOf(code);
    // Submitted, received, processing, finished (approved), payment requested (the fee before the result), finished
    // again once paid, returned.
    assertThat(events).extracting(e -> e.path("data").path("dvcqg").path("TrangThaiHoSo").asInt())
        .containsExactly(1, 2, 4, 9, 6, 9, 10);
    assertThat(events).extracting(e -> e.path("sequence").asLong()).isSorted();

    JsonNode first = events.get(0).path("data").path("dvcqg");
    assertThat(first.path("NgayNopHoSo").asText()).isEqualTo("20260429083000");
    assertThat(first.has("NgayTiepNhan")).isFalse();          // unknown before reception: left out, not empty

    JsonNode returned = events.get(events.size() - 1).path("data").path("dvcqg");
    assertThat(returned.path("MaHoSo").asText()).isEqualTo(code);
    assertThat(returned.path("MaTTHC").asText()).isEqualTo("2.000488");
    assertThat(returned.path("MaTTHCDiaPhuong").asText()).isEqualTo(CRIMINAL_RECORD);
    assertThat(returned.path("MaLinhVuc").asText()).isEqualTo("Lý lịch tư pháp");
    assertThat(returned.path("MaDonViTiepNhan").asText()).isEqualTo("000.00.12.H13");
    assertThat(returned.path("KenhThucHien").asInt()).isEqualTo(2);
    assertThat(returned.path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn An");
    assertThat(returned.path("SoGiayToChuHoSo").asText()).isEqualTo("093085000123");
    assertThat(returned.path("NgayTiepNhan").asText()).isEqualTo("20260429090000");
    assertThat(returned.path("NgayHenTra").asText()).isEqualTo("20260515090000");
    assertThat(returned.path("NgayKetThucXuLy").asText()).isEqualTo("20260507140000");
    assertThat(returned.path("NgayTra").asText()).isEqualTo("20260508083000");
    assertThat(returned.path("HoSoCoThanhPhanSoHoa").asInt()).isEqualTo(1);
    assertThat(returned.path("HoSoCoThanhPhanTaiSuDung").asInt()).isZero();
    assertThat(returned.path("KetQuaDienTu").asInt()).isEqualTo(1);
    assertThat(returned.path("TaiKhoanDuocXacThucVoiVNeID").asInt()).isZero(); // a password account
    assertThat(returned.path("DuocThanhToanTrucTuyen").asInt()).isZero();      // paid in cash at the counter
    assertThat(returned.path("TaiLieuNop")).extracting(d -> d.path("MaThanhPhan").asText())
        .containsExactly("TO_KHAI", "GIAY_TO_TUY_THAN");
    assertThat(returned.path("DanhSachGiayToKetQua")).hasSize(1);
    JsonNode fee = returned.path("DanhSachLePhi").get(0);
    assertThat(fee.path("SoTien").asLong()).isEqualTo(200_000);
    assertThat(fee.path("TrangThai").asText()).isEqualTo("PAID");
    assertThat(fee.path("HinhThucThu").asText()).isEqualTo("CASH");
    assertThat(fee.path("SoBienLai").asText()).isEqualTo("BL-" + code);
    JsonNode appraisal = StreamSupport.stream(returned.path("QuaTrinhXuLy").spliterator(), false)
        .filter(s -> s.path("ThoiDiemXuLy").asText().equals("20260506100000"))
        .findFirst().orElseThrow();
    assertThat(appraisal.path("NguoiXuLy").asText()).isEqualTo("Trương Minh Quân");
    assertThat(appraisal.path("ChucDanh").asText()).isEqualTo("Chuyên viên");
    assertThat(appraisal.path("DonViXuLy").asText()).isEqualTo("000.00.12.H13");
    assertThat(appraisal.path("HanXuLy").asText()).matches("2026\\d{10}");

    // Changes that keep the status reach the portal too, one event per transaction: the two files uploaded after the
    // submission, the specialist's appraisal, the e-result; the clerk's and the leader's decisions changed the status
    // and their status events already showed them.
    List<JsonNode> updates = eventsOf(code, OutboxWriter.UPDATED);
    assertThat(updates).extracting(e -> e.path("data").path("action").asText())
        .containsExactly("DOCUMENT_ADDED", "DOCUMENT_ADDED", "TASK_COMPLETED", "RESULT_DIGITIZED");
    JsonNode appraised = updates.get(2).path("data").path("dvcqg");
    assertThat(appraised.path("TrangThaiHoSo").asInt()).isEqualTo(4);
    assertThat(appraised.path("QuaTrinhXuLy")).extracting(l -> l.path("NguoiXuLy").asText())
        .contains("Trương Minh Quân");
    assertThat(updates.get(0).path("data").path("dvcqg").path("TaiLieuNop")).hasSize(1);
    assertThat(updates.get(1).path("data").path("dvcqg").path("TaiLieuNop")).hasSize(2);

    // The administrator sends the period again: the same keys, in the same order; the portal applies nothing twice.
    List<String> keys = java.util.stream.Stream.concat(events.stream(), updates.stream())
        .sorted(java.util.Comparator.comparingLong(e -> e.path("sequence").asLong()))
        .map(e -> e.path("key").asText()).toList();
    Api.Response resent = api.post("admin", "/api/admin/portal-sync/resend?from=2026-04-29&to=2026-05-08", null);
    assertThat(resent.status()).as("%s", resent).isEqualTo(200);
    assertThat(resent.body().path("events").asInt()).isGreaterThanOrEqualTo(keys.size());
    int applied = portal.applied.size();
    drain();
    assertThat(portal.received.stream().filter(keys::contains).toList()).containsExactlyElementsOf(
        concat(keys, keys));
    assertThat(portal.applied).hasSize(applied);
  }

  @Test
  void aDeclarationFilledInAsAnEFormReachesThePortalAsData() throws Exception {
    clock.set(LocalDateTime.of(2026, 5, 12, 9, 0));
    Map<String, Object> body = new HashMap<>(Dossiers.submission(FormDefinitionsTest.BIRTH));
    body.remove("caseCode"); // the data selects it: born 11 days ago, on time
    body.put("form", FormDefinitionsTest.birth("2026-05-01"));
    Api.Response submitted = api.post("citizen", "/api/dossiers", body);
    assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
    String code = submitted.text("code");

    for (String component : List.of("GIAY_CHUNG_SINH", "GIAY_TO_TUY_THAN")) {
      Api.Response uploaded = api.upload("citizen", "/api/dossiers/" + code + "/documents", Map.of(
          "component", component, "file", new Api.FilePart(component + ".pdf", Api.pdf(component))));
      assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
    }
    clock.set(LocalDateTime.of(2026, 5, 12, 10, 0));
    new Dossiers(api).decide("clerk.vithanh", code, "accept", null);

    drain();
    List<JsonNode> events = eventsOf(code);
    // The declaration is rendered once the dossier exists: the submission's event has no file yet, the next has it
    // (files and other changes that keep the status travel with the next status change).
    assertThat(events.get(0).path("data").path("dvcqg").path("TaiLieuNop")).isEmpty();
    JsonNode dvcqg = events.get(events.size() - 1).path("data").path("dvcqg");
    assertThat(dvcqg.path("TrangThaiHoSo").asInt()).isEqualTo(4);
    assertThat(dvcqg.path("MaTruongHop").asText()).isEqualTo("DUNG_HAN");
    assertThat(dvcqg.path("MaBieuMau").asText()).isEqualTo("dang-ky-khai-sinh");
    assertThat(dvcqg.path("DuLieuToKhai").path("child").path("fullName").asText()).isEqualTo("Nguyễn Minh Khang");
    assertThat(dvcqg.path("DuLieuToKhai").path("child").path("birthDate").asText()).isEqualTo("2026-05-01");
    // The declaration rendered from the data stands as its component.
    assertThat(dvcqg.path("TaiLieuNop")).extracting(d -> d.path("MaThanhPhan").asText())
        .containsExactlyInAnyOrder("TO_KHAI", "GIAY_CHUNG_SINH", "GIAY_TO_TUY_THAN");
  }

  @Test
  void onlyAnAdministratorResendsAndABackwardPeriodIsRefused() {
    assertThat(api.post(null, "/api/admin/portal-sync/resend?from=2026-05-01&to=2026-05-02", null).status())
        .isEqualTo(401);
    assertThat(api.post("citizen", "/api/admin/portal-sync/resend?from=2026-05-01&to=2026-05-02", null).status())
        .isEqualTo(403);
    assertThat(api.post("supervisor.stp", "/api/admin/portal-sync/resend?from=2026-05-01&to=2026-05-02", null)
        .status()).isEqualTo(403);

    Api.Response backwards = api.post("admin", "/api/admin/portal-sync/resend?from=2026-05-02&to=2026-05-01", null);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.contentType()).startsWith("application/problem+json");
    assertThat(backwards.text("code")).isEqualTo("PORTAL_RESEND_PERIOD_INVALID");
    assertThat(backwards.text("detail")).contains("2026-05-02", "2026-05-01");
  }

  private List<JsonNode> eventsOf(String code) throws Exception {
    return eventsOf(code, OutboxWriter.STATUS_CHANGED);
  }

  private List<JsonNode> eventsOf(String code, String topic) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String body : portal.applied.values()) {
      JsonNode event = json.readTree(body);
      // The applicant's notifications of the same dossier go through the outbox too, under their own topics.
      if (event.path("dossierCode").asText().equals(code)
          && event.path("topic").asText().equals(topic)) {
        events.add(event);
      }
    }
    events.sort(java.util.Comparator.comparingLong(e -> e.path("sequence").asLong()));
    return events;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private void drain() {
    while (relay.relayOnce(sink) > 0) {
      // until the backlog is empty
    }
  }
}
