package org.motcua.feedback;

import java.util.Optional;
import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a feedback request is refused; the name is the stable problem code (messages: error.CODE). */
public enum FeedbackRefusal implements Refusal {
  /** No such feedback, or one the caller may not see. Args: id. */
  UNKNOWN_FEEDBACK(HttpStatus.NOT_FOUND, null),
  /** The caller sees the feedback but may not do this (a supervisor, another role). Args: id. */
  FEEDBACK_ACCESS_DENIED(HttpStatus.FORBIDDEN, null),
  /** Neither a dossier nor a procedure named. */
  FEEDBACK_SUBJECT_REQUIRED(HttpStatus.BAD_REQUEST, "procedureCode"),
  /** No such procedure in the catalogue. Args: code. */
  FEEDBACK_UNKNOWN_PROCEDURE(HttpStatus.BAD_REQUEST, "procedureCode"),
  /** The agency does not receive the procedure (or several do and none was chosen). Args: agency, procedure. */
  FEEDBACK_AGENCY_NOT_OFFERING(HttpStatus.BAD_REQUEST, "agencyCode"),
  /** An empty title. */
  FEEDBACK_TITLE_REQUIRED(HttpStatus.BAD_REQUEST, "title"),
  /** An empty text. */
  FEEDBACK_TEXT_REQUIRED(HttpStatus.BAD_REQUEST, "content"),
  /** A title or text over the configured length. Args: the longest allowed. */
  FEEDBACK_TEXT_TOO_LONG(HttpStatus.BAD_REQUEST, "content"),
  /** The feedback is closed or waits for the citizen: the agency cannot act now. Args: id, state. */
  FEEDBACK_NOT_AWAITING_AGENCY(HttpStatus.CONFLICT, null),
  /** The agency asked for nothing (or the information was already given). Args: id. */
  FEEDBACK_NOT_AWAITING_INFORMATION(HttpStatus.CONFLICT, null),
  /** Only an answered feedback can be liked or disliked. Args: id. */
  FEEDBACK_NOT_ANSWERED(HttpStatus.CONFLICT, null),
  /** The answer was already liked or disliked. Args: id. */
  FEEDBACK_ALREADY_REACTED(HttpStatus.CONFLICT, null),
  /** Not LIKE or DISLIKE. Args: the value. */
  INVALID_REACTION(HttpStatus.BAD_REQUEST, "reaction"),
  /** A supervisor asked for an agency outside their subtree. Args: agency. */
  FEEDBACK_SCOPE_DENIED(HttpStatus.FORBIDDEN, "agency");

  private final HttpStatus status;
  private final String field;

  FeedbackRefusal(HttpStatus status, String field) {
    this.status = status;
    this.field = field;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
