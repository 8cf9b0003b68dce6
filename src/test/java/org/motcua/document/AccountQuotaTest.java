package org.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.motcua.security.Role;
import org.motcua.security.UserAccounts;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A citizen account stores at most {@code motcua.documents.max-account-bytes} over all its dossiers (2 MB in the
 * tests), also when its uploads race; officers' scans do not count.
 */
@MotcuaTest
class AccountQuotaTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final int LIMIT = 2 * 1024 * 1024;
  private static final int FILE = 200_000;

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  UserAccounts accounts;

  @Test
  void aCitizenAccountStoresUpToItsQuotaAndNotOneByteMore() throws IOException {
    String citizen = citizen("citizen.quota1", "093190000781");
    Dossiers flow = new Dossiers(api);
    String code = flow.submit(citizen, CRIMINAL_RECORD);
    for (int i = 0; i < 10; i++) {
      assertThat(upload(citizen, code, FILE).status()).isEqualTo(201);
    }
    assertThat(upload(citizen, code, LIMIT - 10 * FILE).status()).as("exactly at the limit").isEqualTo(201);
    assertThat(accounts.storedBytes(citizen)).isEqualTo(LIMIT);

    long rows = jdbc.queryForObject("select count(*) from document", Long.class);
    long files = StoredNamesTest.storedFiles();
    Api.Response refused = upload(citizen, code, 100);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.text("code")).isEqualTo("ACCOUNT_QUOTA_EXCEEDED");
    assertThat(refused.text("detail")).contains("2 MB");
    // The quota is the account's, not the dossier's: a new dossier does not start a new one.
    String another = flow.submit(citizen, CRIMINAL_RECORD);
    assertThat(upload(citizen, another, 100).text("code")).isEqualTo("ACCOUNT_QUOTA_EXCEEDED");
    assertThat(jdbc.queryForObject("select count(*) from document", Long.class)).isEqualTo(rows);
    assertThat(StoredNamesTest.storedFiles()).isEqualTo(files);
    assertThat(accounts.storedBytes(citizen)).isEqualTo(LIMIT);

    // The clerk scans the paper for the citizen: stored, and counted against nobody.
    long clerkBefore = accounts.storedBytes("clerk.stp");
    assertThat(upload("clerk.stp", another, FILE).status()).isEqualTo(201);
    assertThat(accounts.storedBytes("clerk.stp")).isEqualTo(clerkBefore);
    assertThat(accounts.storedBytes(citizen)).isEqualTo(LIMIT);
  }

  @Test
  void racingUploadsOfOneAccountCannotAllSlipUnderTheLimit() throws Exception {
    String citizen = citizen("citizen.quota2", "093190000782");
    Dossiers flow = new Dossiers(api);
    String first = flow.submit(citizen, CRIMINAL_RECORD);
    for (int i = 0; i < 9; i++) {
      assertThat(upload(citizen, first, FILE).status()).isEqualTo(201);
    }
    // Room for one more file of 200,000 bytes, not two. Eight uploads at once, each to its own dossier (so that the
    // dossier lock does not queue them): exactly one is stored.
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      codes.add(flow.submit(citizen, CRIMINAL_RECORD));
    }
    long files = StoredNamesTest.storedFiles();
    ExecutorService pool = Executors.newFixedThreadPool(codes.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Api.Response>> uploads = codes.stream().map(code -> CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return upload(citizen, code, FILE);
      }, pool)).toList();
      start.countDown();
      List<Api.Response> answers = uploads.stream().map(CompletableFuture::join).toList();
      assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
      assertThat(answers).filteredOn(r -> r.status() != 201).hasSize(codes.size() - 1)
          .allSatisfy(r -> assertThat(r.text("code")).as(r.toString()).isEqualTo("ACCOUNT_QUOTA_EXCEEDED"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(accounts.storedBytes(citizen)).isEqualTo(10L * FILE);
    assertThat(jdbc.queryForObject("select coalesce(sum(size_bytes), 0) from document where uploaded_by = ?",
        Long.class, citizen)).isEqualTo(10L * FILE);
    assertThat(StoredNamesTest.storedFiles()).isEqualTo(files + 1);
  }

  private String citizen(String username, String idNumber) {
    accounts.createIfAbsent(new UserAccounts.NewAccount(username, "demo", "Lê Thị Hạn Mức", Role.CITIZEN, null,
        idNumber, "0912000111", null));
    return username;
  }

  private Api.Response upload(String user, String code, int size) {
    byte[] content = new byte[size];
    byte[] pdf = Api.pdf("quota");
    System.arraycopy(pdf, 0, content, 0, Math.min(pdf.length, size));
    return api.upload(user, "/api/dossiers/" + code + "/documents", Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("to-khai.pdf", content)));
  }
}
