package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Dossier codes stay unique when many submissions draw them at once, and follow the daily sequence. */
@MotcuaTest
class DossierCodesTest {

  @Autowired
  DossierCodes codes;

  @Test
  void concurrentDrawsNeverRepeatACode() throws Exception {
    LocalDate day = LocalDate.of(2023, 6, 1);
    Set<String> drawn = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            assertThat(drawn.add(codes.next("000.00.19.H13", day))).isTrue();
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(drawn).hasSize(200)
        .contains("000.00.19.H13-230601-0001", "000.00.19.H13-230601-0200")
        .allMatch(code -> code.matches("000\\.00\\.19\\.H13-230601-\\d{4}"));
    assertThat(codes.next("000.00.19.H13", day.plusDays(1))).isEqualTo("000.00.19.H13-230602-0001");
  }
}
