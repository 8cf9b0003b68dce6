package org.motcua.feedback;

import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's side after writing: add the information the agency asked for (the feedback goes back to the agency),
 * and like or dislike the answer, once.
 */
@Service
public class ReplyToFeedback implements UseCase {

  private final FeedbackLookup lookup;
  private final FeedbackProperties properties;

  ReplyToFeedback(FeedbackLookup lookup, FeedbackProperties properties) {
    this.lookup = lookup;
    this.properties = properties;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(FeedbackRefusal.UNKNOWN_FEEDBACK, FeedbackRefusal.FEEDBACK_ACCESS_DENIED,
        FeedbackRefusal.FEEDBACK_NOT_AWAITING_INFORMATION, FeedbackRefusal.FEEDBACK_TEXT_REQUIRED,
        FeedbackRefusal.FEEDBACK_TEXT_TOO_LONG, FeedbackRefusal.FEEDBACK_NOT_ANSWERED,
        FeedbackRefusal.FEEDBACK_ALREADY_REACTED, FeedbackRefusal.INVALID_REACTION);
  }

  /** Bổ sung thông tin. */
  @Transactional
  public FeedbackView provideInformation(MotcuaUser citizen, long id, String text) {
    Feedback f = lookup.locked(id);
    FeedbackAccess.checkAuthor(citizen, f);
    if (f.getState() != FeedbackState.INFORMATION_REQUESTED) {
      throw FeedbackRefusal.FEEDBACK_NOT_AWAITING_INFORMATION.exception(String.valueOf(id));
    }
    f.provideInformation(lookup.now(), Texts.required(text, FeedbackRefusal.FEEDBACK_TEXT_REQUIRED,
        properties.maxContent()));
    return lookup.view(f, true);
  }

  /** Thích / không thích the answer: {@code LIKE} or {@code DISLIKE}, once. */
  @Transactional
  public FeedbackView react(MotcuaUser citizen, long id, String reaction) {
    Feedback f = lookup.locked(id);
    FeedbackAccess.checkAuthor(citizen, f);
    Feedback.Reaction r;
    try {
      r = Feedback.Reaction.valueOf(reaction == null ? "" : reaction.trim());
    } catch (IllegalArgumentException e) {
      throw FeedbackRefusal.INVALID_REACTION.exception(reaction);
    }
    if (f.getState() != FeedbackState.ANSWERED) {
      throw FeedbackRefusal.FEEDBACK_NOT_ANSWERED.exception(String.valueOf(id));
    }
    if (f.getReaction() != null) {
      throw FeedbackRefusal.FEEDBACK_ALREADY_REACTED.exception(String.valueOf(id));
    }
    f.react(lookup.now(), r);
    return lookup.view(f, true);
  }
}
