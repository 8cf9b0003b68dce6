package org.motcua.feedback;

/** What a line of a feedback's history records. */
public enum FeedbackAction {
  SUBMITTED,
  REJECTED,
  INFORMATION_REQUESTED,
  INFORMATION_PROVIDED,
  ANSWERED,
  LIKED,
  DISLIKED
}
