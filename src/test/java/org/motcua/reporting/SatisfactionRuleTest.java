package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.DurationUnit;
import org.motcua.catalog.OnlineLevel;
import org.motcua.dossier.DossierFacts;

/** The satisfaction rule's configuration: which dossiers count as dissatisfied, and the rate's edge cases. */
class SatisfactionRuleTest {

  private static DossierFacts dossier(Integer rating, int feedback, int rejected) {
    LocalDateTime t = LocalDateTime.of(2025, 3, 3, 9, 0);
    return new DossierFacts("SR-1", "P", "F", OnlineLevel.FULL, 0, "A", "/A/", 2, 10, t, t, t.plusDays(5),
        t.plusDays(1), t.plusDays(2), t.plusDays(1), null, 0, DurationUnit.WORKING_DAYS, false, 0, 0, false, false,
        null, false, rating, feedback, rejected);
  }

  @Test
  void nationallyOneAndTwoAreADislikeAndRejectedFeedbackDoesNotCount() {
    SatisfactionRule rule = SatisfactionRule.NATIONAL;
    assertThat(rule.dissatisfied(dossier(1, 0, 0))).isTrue();
    assertThat(rule.dissatisfied(dossier(2, 0, 0))).isTrue();
    assertThat(rule.dissatisfied(dossier(3, 0, 0))).isFalse();
    assertThat(rule.dissatisfied(dossier(null, 0, 0))).isFalse();
    assertThat(rule.dissatisfied(dossier(5, 1, 0))).isTrue();
    assertThat(rule.dissatisfied(dossier(5, 1, 1))).isFalse();
    assertThat(rule.dissatisfied(dossier(5, 2, 1))).isTrue();
    assertThat(rule.sqlCondition()).isEqualTo("(satisfaction_rating in (1, 2) or feedback_count - feedback_rejected > 0)");
  }

  @Test
  void aProvinceCountsThreeAsADislikeAndRejectedFeedbackToo() {
    SatisfactionRule rule = new SatisfactionRule(List.of(3, 1, 2), true, 0.95, 18.0);
    assertThat(rule.dissatisfied(dossier(3, 0, 0))).isTrue();
    assertThat(rule.dissatisfied(dossier(4, 1, 1))).isTrue();
    assertThat(rule.sqlCondition()).isEqualTo("(satisfaction_rating in (1, 2, 3) or feedback_count > 0)");
    assertThat(rule.counted()).isNotEqualTo(SatisfactionRule.NATIONAL.counted());
    assertThat(rule.score(0.95)).isEqualTo(18.0);
    assertThat(rule.score(0.475)).isCloseTo(9.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThatThrownBy(() -> new SatisfactionRule(List.of(6), false, 0.9, 18.0))
        .hasMessageContaining("6 is not a rating 1–5");
  }

  @Test
  void theRateIsFlooredAtZeroAndNullWithoutDossiers() {
    assertThat(SatisfactionRule.rate(0, 0, 0)).isNull();
    assertThat(SatisfactionRule.rate(1, 3, 6)).isCloseTo(2.0 / 6, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(SatisfactionRule.rate(2, 2, 3)).isZero();
    assertThat(SatisfactionRule.NATIONAL.score(null)).isNull();
  }
}
