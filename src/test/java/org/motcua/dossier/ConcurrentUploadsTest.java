package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browser sends the files of one dossier in parallel. Each upload changes the dossier (its digitization figures, a
 * history line), so they are taken one after the other on the dossier's row: every file is stored, none is refused.
 */
@MotcuaTest
class ConcurrentUploadsTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final int UPLOADS = 6;

  @Autowired
  Api api;

  @Test
  void parallelUploadsToOneDossierAreAllStored() throws Exception {
    String code = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> uploads = new ArrayList<>();
    try {
      for (int i = 0; i < UPLOADS; i++) {
        String component = i % 2 == 0 ? "TO_KHAI" : "GIAY_TO_TUY_THAN";
        int n = i;
        uploads.add(pool.submit(() -> {
          start.await();
          return api.upload("citizen", "/api/dossiers/" + code + "/documents", Map.of("component", component,
              "file", new Api.FilePart("tep-" + n + ".pdf", Api.pdf("Tệp " + n))));
        }));
      }
      start.countDown();
      for (Future<Api.Response> upload : uploads) {
        Api.Response answer = upload.get();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }
    var dossier = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(api.get("citizen", "/api/dossiers/" + code + "/documents").body()).hasSize(UPLOADS);
    assertThat(dossier.path("history").findValuesAsText("action").stream()
        .filter(a -> a.startsWith("DOCUMENT"))).hasSize(UPLOADS);
  }
}
