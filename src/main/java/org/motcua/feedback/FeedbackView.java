package org.motcua.feedback;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A feedback as the API and the pages show it.
 *
 * @param overdue at the moment it was read: an action came after its deadline, or it is open past its answer deadline
 * @param late an action of the agency came after its deadline
 */
public record FeedbackView(long id, String dossierCode, String procedureCode, String procedureName,
    String agencyCode, String agencyName, String citizenName, String title, String content, FeedbackState state,
    LocalDateTime submittedAt, LocalDateTime rejectDue, LocalDateTime informationDue, LocalDateTime answerDue,
    LocalDateTime closedAt, boolean late, boolean overdue, String answer, Feedback.Reaction reaction,
    LocalDateTime reactedAt, List<EventView> history) {

  /** One line of its history. */
  public record EventView(LocalDateTime at, FeedbackAction action, String actor, String actorName, String text) {
  }
}
