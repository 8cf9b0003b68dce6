package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding 1 of the security review (critical): the personal e-data warehouse follows the signed-in account's own
 * identity number, never the number typed as the applicant's. Before the fix a second citizen who typed the first
 * citizen's CCCD was offered the first citizen's ID scans, reused one and downloaded it; and their own files went
 * into the victim's warehouse once a clerk accepted the dossier.
 */
@MotcuaTest
class IdentityBindingTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  /** The demo account {@code citizen}'s CCCD; {@code citizen2} has 093190000456. */
  private static final String VICTIM_ID = "093085000123";

  @Autowired
  Api api;

  @Test
  void typingSomeoneElsesIdNumberGivesNeitherTheirDocumentsNorAPlaceInTheirWarehouse() {
    Dossiers flow = new Dossiers(api);
    // The victim's own dossier leaves their ID-card scan in their warehouse once the clerk accepts it.
    String victims = flow.submit("citizen", CRIMINAL_RECORD);
    upload("citizen", victims, "GIAY_TO_TUY_THAN", "cccd-cua-an.png", png("an"));
    upload("citizen", victims, "TO_KHAI", "to-khai.pdf", Api.pdf("tờ khai của An " + System.nanoTime()));
    flow.decide("clerk.stp", victims, "accept", null);
    List<Long> victimItems = warehouseIds("citizen");
    assertThat(victimItems).isNotEmpty();
    List<Long> attackersOwn = warehouseIds("citizen2");

    // The attacker submits naming the victim's CCCD as the applicant.
    Map<String, Object> posing = new HashMap<>(Dossiers.submission(CRIMINAL_RECORD));
    posing.put("applicant", Map.of("name", "Nguyễn Văn An", "idNumber", VICTIM_ID, "phone", "0987654321"));
    Api.Response submitted = api.post("citizen2", "/api/dossiers", posing);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String attackers = submitted.text("code");
    assertThat(submitted.text("submittedBy")).isEqualTo("citizen2");
    assertThat(submitted.body().path("submittedOnBehalf").asBoolean()).isTrue();

    // The clerk sees that an account submitted for someone else.
    Api.Response page = api.get("clerk.stp", "/officer/dossiers/" + attackers);
    assertThat(page.status()).isEqualTo(200);
    assertThat(new String(page.raw(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("Tài khoản citizen2 nộp thay người có tên trên");

    JsonNode offers = api.get("citizen2", "/api/dossiers/" + attackers + "/reuse-offers").body();
    List<Long> offered = new ArrayList<>();
    offers.forEach(o -> o.path("items").forEach(i -> offered.add(i.path("id").asLong())));
    assertThat(offered).as("the victim's documents are not offered").doesNotContainAnyElementsOf(victimItems);

    for (long item : victimItems) {
      Api.Response reused = api.post("citizen2", "/api/dossiers/" + attackers + "/documents/reuse",
          Map.of("component", "GIAY_TO_TUY_THAN", "warehouseItemId", item));
      assertThat(reused.status()).as(reused.toString()).isEqualTo(404);
      assertThat(reused.text("code")).isEqualTo("UNKNOWN_WAREHOUSE_ITEM");
    }
    assertThat(api.get("citizen2", "/api/dossiers/" + attackers + "/documents").body()).isEmpty();

    // The reverse: the attacker's files, accepted by a clerk, land in nobody's warehouse (the account holder is not
    // the applicant), least of all the victim's.
    upload("citizen2", attackers, "GIAY_TO_TUY_THAN", "gia-mao.png", png("gia"));
    upload("citizen2", attackers, "TO_KHAI", "to-khai-gia.pdf", Api.pdf("giả mạo"));
    flow.decide("clerk.stp", attackers, "accept", null);
    assertThat(warehouseIds("citizen")).containsExactlyInAnyOrderElementsOf(victimItems);
    assertThat(warehouseIds("citizen2")).containsExactlyInAnyOrderElementsOf(attackersOwn);
  }

  @Test
  void anAccountHoldersOwnDossierFillsTheirOwnWarehouse() {
    Dossiers flow = new Dossiers(api);
    List<Long> before = warehouseIds("citizen2");
    Map<String, Object> own = new HashMap<>(Dossiers.submission(CRIMINAL_RECORD));
    own.put("applicant", Map.of("name", "Trần Thị Bình", "idNumber", "093190000456", "phone", "0987654321"));
    Api.Response submitted = api.post("citizen2", "/api/dossiers", own);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    assertThat(submitted.body().path("submittedOnBehalf").asBoolean()).isFalse();
    String code = submitted.text("code");
    upload("citizen2", code, "GIAY_TO_TUY_THAN", "cccd-cua-binh.png", png("binh"));
    upload("citizen2", code, "TO_KHAI", "to-khai.pdf", Api.pdf("tờ khai của Bình " + System.nanoTime()));
    flow.decide("clerk.stp", code, "accept", null);
    List<Long> after = warehouseIds("citizen2");
    assertThat(after).hasSize(before.size() + 2);
    JsonNode items = api.get("citizen2", "/api/warehouse").body();
    assertThat(items.findValuesAsText("sourceDossierCode")).contains(code);
  }

  private void upload(String user, String code, String component, String filename, byte[] content) {
    Api.Response uploaded = api.upload(user, "/api/dossiers/" + code + "/documents", Map.of("component", component,
        "file", new Api.FilePart(filename, content), "validUntil", "2099-01-01"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
  }

  private List<Long> warehouseIds(String citizen) {
    Api.Response items = api.get(citizen, "/api/warehouse");
    assertThat(items.status()).as(items.toString()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    items.body().forEach(i -> ids.add(i.path("id").asLong()));
    return ids;
  }

  /** A real 1×1 PNG; the name after its end makes each scan a different file (the warehouse keeps a file once). */
  private static byte[] png(String salt) {
    byte[] image = java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    byte[] tail = (salt + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] file = java.util.Arrays.copyOf(image, image.length + tail.length);
    System.arraycopy(tail, 0, file, image.length, tail.length);
    return file;
  }
}
