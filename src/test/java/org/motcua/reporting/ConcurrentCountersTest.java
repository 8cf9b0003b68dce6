package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dossiers of the same agency, procedure and day changed at the same moment add to one new counter row. Every
 * transaction must succeed and every increment count once (on H2 two concurrent MERGEs used to both insert, and
 * the second failed on the unique key: the citizen got a 500).
 */
@MotcuaTest
class ConcurrentCountersTest {

  private static final int THREADS = 8;

  @Autowired
  DayCounts counts;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void concurrentFirstIncrementsOfANewBucketAllCount() throws Exception {
    for (int round = 0; round < 5; round++) {
      String procedure = "CONCURRENT-" + round + "-" + System.nanoTime();
      DayContribution.Key key = new DayContribution.Key(LocalDate.of(2027, 1, 4), "/000.00.00.H13/", procedure,
          "Thử", 2, "FULL", false);
      CyclicBarrier together = new CyclicBarrier(THREADS);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          done.add(pool.submit(() -> {
            together.await();
            long[] delta = new long[DayContribution.COLUMNS.length];
            delta[DayContribution.RECEIVED] = 1;
            transactions.executeWithoutResult(status -> counts.add(Map.of(key, delta)));
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      assertThat(jdbc.queryForObject("select sum(received) from report_day where procedure_code = ?", Long.class,
          procedure)).isEqualTo(THREADS);
      assertThat(jdbc.queryForObject("select sum(received) from report_month where procedure_code = ?", Long.class,
          procedure)).isEqualTo(THREADS);
    }
  }
}
