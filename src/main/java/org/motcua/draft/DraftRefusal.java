package org.motcua.draft;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a draft request is refused; the name is the stable problem code. */
public enum DraftRefusal implements Refusal {
  /** No draft of the caller with that id (another's draft answers the same: nobody learns it exists). Args: id. */
  UNKNOWN_DRAFT(HttpStatus.NOT_FOUND),
  /** The draft's data is over the size a draft may have. Args: limit in KB. */
  DRAFT_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
  /** The account already keeps as many drafts as it may. Args: the limit. */
  TOO_MANY_DRAFTS(HttpStatus.CONFLICT),
  /** A draft's data must be a JSON object. No args. */
  DRAFT_NOT_AN_OBJECT(HttpStatus.BAD_REQUEST);

  private final HttpStatus status;

  DraftRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
