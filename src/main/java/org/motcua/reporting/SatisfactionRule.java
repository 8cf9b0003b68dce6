package org.motcua.reporting;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.motcua.dossier.DossierFacts;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The satisfaction indicator's formula (Decision 766 group 5, DOMAIN.md "Feedback and satisfaction"), from
 * {@code motcua.satisfaction} in config/feedback.yml:
 *
 * <pre>
 * satisfactionRate = max(0, 1 − (overdue + dissatisfied) ÷ inScope)
 *   inScope      = finished + inProgress            (the summary's timeliness scope)
 *   overdue      = finishedLate + inProgressOverdue (the rate of overdue dossiers' numerator)
 *   dissatisfied = dossiers in scope rated with one of {@code dislikeRatings} (default 1 and 2: a "dislike"), or
 *                  with feedback (phản ánh, kiến nghị) written about them — rejected feedback only when
 *                  {@code countRejectedFeedback}
 * </pre>
 *
 * The two rates are added as the published formula adds them (a late and disliked dossier counts in both), and the
 * result is floored at 0; null when the scope is empty. Full points ({@code points}, 18 in Decision 766) at
 * {@code target} (0.9) or more: score = min(rate ÷ target, 1) × points.
 *
 * <p>{@code dislikeRatings} and {@code countRejectedFeedback} decide which dossiers the counters
 * ({@code dissatisfied_received}, {@code dissatisfied_ended}) count; a change is applied to the whole history at the
 * next start-up ({@link SatisfactionRecount}).
 *
 * @param dislikeRatings the ratings (1–5) that count as a dislike
 * @param countRejectedFeedback whether feedback the agency rejected still counts
 * @param target the rate that earns full points
 * @param points the group's points (Decision 766: 18)
 */
@ConfigurationProperties("motcua.satisfaction")
public record SatisfactionRule(List<Integer> dislikeRatings, Boolean countRejectedFeedback, Double target,
    Double points) {

  /** The national portal's reading: 1–2 is a dislike, rejected feedback does not count, full points at 90%. */
  public static final SatisfactionRule NATIONAL = new SatisfactionRule(List.of(1, 2), false, 0.9, 18.0);

  public SatisfactionRule {
    dislikeRatings = dislikeRatings == null ? List.of(1, 2) : List.copyOf(new TreeSet<>(dislikeRatings));
    for (int r : dislikeRatings) {
      if (r < 1 || r > 5) {
        throw new IllegalArgumentException("motcua.satisfaction.dislike-ratings: " + r + " is not a rating 1–5");
      }
    }
    countRejectedFeedback = countRejectedFeedback != null && countRejectedFeedback;
    target = target == null ? 0.9 : target;
    points = points == null ? 18.0 : points;
    if (target <= 0 || target > 1) {
      throw new IllegalArgumentException("motcua.satisfaction.target must be in (0, 1]: " + target);
    }
  }

  /** Whether the dossier counts as dissatisfied (its rating, the feedback about it). */
  public boolean dissatisfied(DossierFacts f) {
    boolean disliked = f.satisfactionRating() != null && dislikeRatings.contains(f.satisfactionRating());
    int feedback = countRejectedFeedback ? f.feedbackCount() : f.feedbackCount() - f.feedbackRejected();
    return disliked || feedback > 0;
  }

  /** The same condition over the columns of {@code dossier_facts}, for the raw scan and the recount. */
  String sqlCondition() {
    String ratings = dislikeRatings.isEmpty() ? "1 = 0"
        : "satisfaction_rating in (" + dislikeRatings.stream().map(String::valueOf).collect(Collectors.joining(", "))
            + ")";
    String feedback = countRejectedFeedback ? "feedback_count > 0" : "feedback_count - feedback_rejected > 0";
    return "(" + ratings + " or " + feedback + ")";
  }

  /** What the counters depend on, as stored in {@code satisfaction_rule}. */
  String counted() {
    SortedSet<Integer> ratings = new TreeSet<>(dislikeRatings);
    return "dislike=" + ratings + ";rejectedFeedback=" + countRejectedFeedback;
  }

  /** The indicator from its counters; null when the scope is empty. */
  static Double rate(long overdue, long dissatisfied, long inScope) {
    if (inScope == 0) {
      return null;
    }
    return Math.max(0.0, 1.0 - (double) (overdue + dissatisfied) / inScope);
  }

  /** Decision 766's score of a rate: min(rate ÷ target, 1) × points; null for a null rate. */
  public Double score(Double rate) {
    return rate == null ? null : Math.min(rate / target, 1.0) * points;
  }
}
