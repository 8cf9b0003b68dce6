package org.motcua.feedback;

/** Where a feedback (phản ánh, kiến nghị) stands. */
public enum FeedbackState {
  /** Written by the citizen, waiting for the agency. */
  SUBMITTED,
  /** The agency asked for more information; waiting for the citizen. */
  INFORMATION_REQUESTED,
  /** The citizen added the information; waiting for the agency again. */
  INFORMATION_PROVIDED,
  /** The agency rejected it (từ chối tiếp nhận), with a reason. Closed. */
  REJECTED,
  /** The agency answered it (trả lời, xử lý). Closed; the citizen may like or dislike the answer once. */
  ANSWERED;

  /** Still waiting for the agency or the citizen. */
  public boolean isOpen() {
    return this == SUBMITTED || this == INFORMATION_REQUESTED || this == INFORMATION_PROVIDED;
  }

  /** The agency may act on it (reject, ask for information, answer). */
  public boolean awaitsAgency() {
    return this == SUBMITTED || this == INFORMATION_PROVIDED;
  }
}
