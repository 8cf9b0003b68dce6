package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task is claimed and completed in one engine command. When the same unclaimed task is completed several times at
 * once (a double click, two tabs), exactly one completion counts: the others are told it is already done or gone,
 * and the dossier's history and process move on once.
 */
@MotcuaTest
class ConcurrentCompletionTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final int CALLS = 6;
  private static final int ROUNDS = 5;

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  /**
   * Up to {@value #ROUNDS} rounds, each on a new dossier, each checked in full; at least one must show that the calls
   * really overlapped: a call that found the task offered and then lost it to another (409 TASK_ALREADY_DONE). Calls
   * run one after another would only ever find it gone (404 TASK_NOT_FOUND).
   */
  @Test
  void anUnclaimedTaskCompletedSeveralTimesAtOnceIsCompletedOnce() throws Exception {
    int overlapped = 0;
    for (int round = 0; round < ROUNDS && overlapped == 0; round++) {
      overlapped += completeAtOnce();
    }
    assertThat(overlapped).as("calls that overlapped another completion in %d rounds", ROUNDS).isPositive();
  }

  /** One dossier's reception completed {@value #CALLS} times at once; returns how many calls lost a race. */
  private int completeAtOnce() throws Exception {
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    String taskId = flow.task("clerk.stp", code).path("id").asText();

    ExecutorService pool = Executors.newFixedThreadPool(CALLS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> calls = new ArrayList<>();
    List<Api.Response> answers = new ArrayList<>();
    try {
      for (int i = 0; i < CALLS; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          return api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "accept"));
        }));
      }
      start.countDown();
      for (Future<Api.Response> call : calls) {
        answers.add(call.get());
      }
      assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
      assertThat(answers).filteredOn(a -> a.status() != 200).allSatisfy(refused -> {
        assertThat(refused.status()).as(refused.toString()).isIn(404, 409);
        assertThat(refused.text("code")).isIn("TASK_ALREADY_DONE", "TASK_NOT_FOUND");
      });
    } finally {
      pool.shutdown();
    }

    JsonNode dossier = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(dossier.path("history").findValuesAsText("action").stream()
        .filter("TASK_COMPLETED"::equals)).hasSize(1);
    assertThat(dossier.path("currentSteps").findValuesAsText("taskKey")).containsExactly("appraisal");
    // The engine recorded the completion once, with the clerk as the one who held the task.
    assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst where id_ = ? and assignee_ = 'clerk.stp'"
        + " and end_time_ is not null", Integer.class, taskId)).isEqualTo(1);
    return (int) answers.stream().filter(a -> a.status() == 409).count();
  }
}
