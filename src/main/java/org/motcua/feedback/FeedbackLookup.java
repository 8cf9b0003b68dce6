package org.motcua.feedback;

import java.time.Clock;
import java.time.LocalDateTime;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.springframework.stereotype.Component;

/** Finding a feedback by id, and showing it, for the use cases of this package. */
@Component
class FeedbackLookup {

  private final FeedbackRepository feedback;
  private final Catalog catalog;
  private final Clock clock;

  FeedbackLookup(FeedbackRepository feedback, Catalog catalog, Clock clock) {
    this.feedback = feedback;
    this.catalog = catalog;
    this.clock = clock;
  }

  Feedback find(long id) {
    return feedback.findById(id).orElseThrow(() -> FeedbackRefusal.UNKNOWN_FEEDBACK.exception(String.valueOf(id)));
  }

  /** The feedback with its row locked until the transaction ends: two actions on it happen one after the other. */
  Feedback locked(long id) {
    return feedback.lockById(id).orElseThrow(() -> FeedbackRefusal.UNKNOWN_FEEDBACK.exception(String.valueOf(id)));
  }

  LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  /** The view, with its history when asked (read while the transaction is open). */
  FeedbackView view(Feedback f, boolean withHistory) {
    return new FeedbackView(f.getId(), f.getDossierCode(), f.getProcedureCode(),
        catalog.procedure(f.getProcedureCode()).map(Procedure::name).orElse(f.getProcedureCode()),
        f.getAgencyCode(), catalog.agency(f.getAgencyCode()).map(Agency::name).orElse(f.getAgencyCode()),
        f.getCitizenName(), f.getTitle(), f.getContent(), f.getState(), f.getSubmittedAt(), f.getRejectDue(),
        f.getInformationDue(), f.getAnswerDue(), f.getClosedAt(), f.isLate(), f.isOverdue(now()), f.getAnswer(),
        f.getReaction(), f.getReactedAt(),
        withHistory ? f.getHistory().stream().map(e -> new FeedbackView.EventView(e.getAt(), e.getAction(),
            e.getActor(), e.getActorName(), e.getText())).toList() : java.util.List.of());
  }
}
