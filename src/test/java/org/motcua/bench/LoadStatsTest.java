package org.motcua.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.motcua.bench.LoadStats.Outcome;

/** The logic of the load and soak commands: percentiles, how an answer is classified, the users' mix. */
class LoadStatsTest {

  @Test
  void percentilesAreNearestRank() {
    long[] hundred = IntStream.rangeClosed(1, 100).mapToLong(i -> i).toArray();
    assertThat(LoadStats.percentile(hundred, 50)).isEqualTo(50);
    assertThat(LoadStats.percentile(hundred, 95)).isEqualTo(95);
    assertThat(LoadStats.percentile(hundred, 99)).isEqualTo(99);
    assertThat(LoadStats.percentile(hundred, 100)).isEqualTo(100);
    // Ten values: p99 is the largest, p50 the fifth, p95 the tenth (rank ceil(9.5) = 10).
    long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1000};
    assertThat(LoadStats.percentile(ten, 50)).isEqualTo(5);
    assertThat(LoadStats.percentile(ten, 95)).isEqualTo(1000);
    assertThat(LoadStats.percentile(ten, 99)).isEqualTo(1000);
    assertThat(LoadStats.percentile(new long[] {7}, 99)).isEqualTo(7);
    assertThat(LoadStats.percentile(new long[0], 99)).isNaN();
    assertThatThrownBy(() -> LoadStats.percentile(ten, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void answersAreClassified() {
    assertThat(LoadStats.classify(201, null, Set.of(201))).isEqualTo(Outcome.OK);
    assertThat(LoadStats.classify(200, null, Set.of(201))).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classify(409, "TASK_ALREADY_DONE", Set.of(200))).isEqualTo(Outcome.RACE);
    assertThat(LoadStats.classify(409, "CONCURRENT_CHANGE", Set.of(200))).isEqualTo(Outcome.RACE);
    assertThat(LoadStats.classify(409, "RECORD_BUSY", Set.of(200))).isEqualTo(Outcome.RACE);
    // Another 409 is a refusal the user would not expect, as is a 409 without a problem code.
    assertThat(LoadStats.classify(409, "CASE_CHANGE_NOT_ALLOWED", Set.of(200))).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classify(409, null, Set.of(200))).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classify(500, null, Set.of(200))).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classify(503, "DATABASE_UNAVAILABLE", Set.of(200))).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classify(429, "SIGN_IN_THROTTLED", Set.of(200))).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classify(LoadStats.LOST_STATUS, null, Set.of(200))).isEqualTo(Outcome.LOST);
    assertThat(LoadStats.classify(LoadStats.UNREACHABLE_STATUS, null, Set.of(200))).isEqualTo(Outcome.UNREACHABLE);
    // A sign-in expects the redirect.
    assertThat(LoadStats.classify(302, null, Set.of(302))).isEqualTo(Outcome.OK);
  }

  @Test
  void aTaskGoneSinceTheInboxWasReadIsARaceOnlyWhenTheDossierNoLongerOffersIt() {
    assertThat(LoadStats.classifyAfterCheck(404, "TASK_NOT_FOUND", Set.of(200), false)).isEqualTo(Outcome.RACE);
    assertThat(LoadStats.classifyAfterCheck(404, "TASK_NOT_FOUND", Set.of(200), true)).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classifyAfterCheck(409, "RESULT_NOT_EXPECTED", Set.of(201), false)).isEqualTo(Outcome.RACE);
    assertThat(LoadStats.classifyAfterCheck(409, "RESULT_NOT_EXPECTED", Set.of(201), true)).isEqualTo(Outcome.ERROR);
    // Other refusals are not excused by the check.
    assertThat(LoadStats.classifyAfterCheck(404, "UNKNOWN_DOSSIER", Set.of(200), false)).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classifyAfterCheck(403, "TASK_NOT_YOURS", Set.of(200), false)).isEqualTo(Outcome.ERROR);
    assertThat(LoadStats.classifyAfterCheck(200, null, Set.of(200), false)).isEqualTo(Outcome.OK);
    assertThat(LoadStats.classifyAfterCheck(409, "TASK_ALREADY_DONE", Set.of(200), true)).isEqualTo(Outcome.RACE);
  }

  @Test
  void recordsCountOutcomesAndKeepLatenciesOfAnsweredRequestsOnly() {
    LoadStats stats = new LoadStats();
    for (int i = 1; i <= 200; i++) {
      stats.record("read", i * 1_000_000L, Outcome.OK, "200");
    }
    stats.record("read", 5_000_000_000L, Outcome.ERROR, "500");
    stats.record("read", 9_000_000_000L, Outcome.LOST, "answer lost");
    stats.record("write", 3_000_000L, Outcome.RACE, "409 TASK_ALREADY_DONE");
    LoadStats.Klass read = stats.classes().get("read");
    assertThat(read.requests()).isEqualTo(202);
    assertThat(read.count(Outcome.OK)).isEqualTo(200);
    assertThat(read.count(Outcome.ERROR)).isEqualTo(1);
    assertThat(read.count(Outcome.LOST)).isEqualTo(1);
    // 201 latencies (the lost request has none), across the growth of the buffer.
    long[] sorted = read.sorted();
    assertThat(sorted).hasSize(201);
    assertThat(sorted[0]).isEqualTo(1_000_000L);
    assertThat(sorted[200]).isEqualTo(5_000_000_000L);
    assertThat(LoadStats.percentile(sorted, 50)).isEqualTo(101_000_000L);
    assertThat(stats.total(Outcome.RACE)).isEqualTo(1);
    assertThat(stats.requests()).isEqualTo(203);
    assertThat(stats.errors()).containsEntry("read: 500", 1L).containsEntry("read: answer lost", 1L)
        .containsEntry("write: 409 TASK_ALREADY_DONE", 1L).hasSize(3);
  }

  @Test
  void aClassMissesItsTargetBySlownessOrByErrors() {
    LoadStats stats = new LoadStats();
    for (int i = 1; i <= 100; i++) {
      stats.record("fast", i * 1_000_000L, Outcome.OK, "200");
      stats.record("slow", i * 10_000_000L, Outcome.OK, "200");
      stats.record("failing", 1_000_000L, i == 50 ? Outcome.ERROR : Outcome.OK, "500");
    }
    var target = new LoadStats.Target("read", 300);
    assertThat(stats.print(java.util.Map.of("fast", target, "slow", target, "failing", target), 10))
        .containsExactlyInAnyOrder("slow", "failing");
  }

  @Test
  void theMixIsSpreadOverTheUsers() {
    int[] mix = LoadCommand.mix("70:25:5");
    assertThat(LoadCommand.mixLabel(200, mix)).isEqualTo("140 citizens, 50 officers, 10 supervisors");
    // 50 users: 35 citizens, 12.5 officers and 2.5 supervisors, rounded so that the three add up.
    assertThat(LoadCommand.mixLabel(50, mix)).isIn("35 citizens, 13 officers, 2 supervisors",
        "35 citizens, 12 officers, 3 supervisors");
    assertThat(LoadCommand.mixLabel(3, LoadCommand.mix("1:1:1"))).isEqualTo("1 citizens, 1 officers, 1 supervisors");
    assertThat(LoadCommand.mixLabel(10, LoadCommand.mix("0:1:0"))).isEqualTo("0 citizens, 10 officers, 0 supervisors");
    // The first twenty users already hold every kind, so the ramp starts with all three.
    assertThat(IntStream.range(0, 20).mapToObj(i -> VirtualUsers.roleOf(i, mix)).distinct())
        .containsExactlyInAnyOrder("citizen", "officer", "supervisor");
    assertThatThrownBy(() -> LoadCommand.mix("1:2")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durationsReadSecondsMinutesAndHours() {
    assertThat(LoadCommand.duration("60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(LoadCommand.duration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(LoadCommand.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(LoadCommand.duration("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(LoadCommand.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> LoadCommand.duration("5d")).isInstanceOf(IllegalArgumentException.class);
  }
}
