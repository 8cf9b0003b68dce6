package org.motcua.feedback;

import java.time.LocalDateTime;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.dossier.DossierFeedback;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Xử lý phản ánh, kiến nghị: an officer of the responsible agency rejects a feedback with a reason, asks the citizen
 * for more information, or answers it. Each is allowed while the feedback waits for the agency, at any time; one taken
 * after its deadline (2 / 5 / 15 working days by default) marks the feedback late, which supervisors see.
 */
@Service
public class HandleFeedback implements UseCase {

  private final FeedbackLookup lookup;
  private final FeedbackProperties properties;
  private final DossierFeedback dossiers;

  HandleFeedback(FeedbackLookup lookup, FeedbackProperties properties, DossierFeedback dossiers) {
    this.lookup = lookup;
    this.properties = properties;
    this.dossiers = dossiers;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(FeedbackRefusal.UNKNOWN_FEEDBACK, FeedbackRefusal.FEEDBACK_ACCESS_DENIED,
        FeedbackRefusal.FEEDBACK_NOT_AWAITING_AGENCY, FeedbackRefusal.FEEDBACK_TEXT_REQUIRED,
        FeedbackRefusal.FEEDBACK_TEXT_TOO_LONG);
  }

  /** Từ chối tiếp nhận, with the reason. */
  @Transactional
  public FeedbackView reject(MotcuaUser officer, long id, String reason) {
    Feedback f = ready(officer, id);
    String text = Texts.required(reason, FeedbackRefusal.FEEDBACK_TEXT_REQUIRED, properties.maxContent());
    LocalDateTime now = lookup.now();
    f.reject(now, officer.username(), officer.fullName(), text);
    if (f.getDossierCode() != null) {
      dossiers.rejected(f.getDossierCode(), now, officer, text);
    }
    return lookup.view(f, true);
  }

  /** Yêu cầu bổ sung thông tin: what the citizen should add. */
  @Transactional
  public FeedbackView requestInformation(MotcuaUser officer, long id, String what) {
    Feedback f = ready(officer, id);
    String text = Texts.required(what, FeedbackRefusal.FEEDBACK_TEXT_REQUIRED, properties.maxContent());
    f.requestInformation(lookup.now(), officer.username(), officer.fullName(), text);
    return lookup.view(f, true);
  }

  /** Trả lời: the agency's answer (how it was handled). */
  @Transactional
  public FeedbackView answer(MotcuaUser officer, long id, String answer) {
    Feedback f = ready(officer, id);
    String text = Texts.required(answer, FeedbackRefusal.FEEDBACK_TEXT_REQUIRED, properties.maxContent());
    f.answer(lookup.now(), officer.username(), officer.fullName(), text);
    return lookup.view(f, true);
  }

  private Feedback ready(MotcuaUser officer, long id) {
    Feedback f = lookup.locked(id);
    FeedbackAccess.checkHandler(officer, f);
    if (!f.getState().awaitsAgency()) {
      throw FeedbackRefusal.FEEDBACK_NOT_AWAITING_AGENCY.exception(String.valueOf(id));
    }
    return f;
  }
}
