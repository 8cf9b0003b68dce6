package org.motcua.catalog;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why the catalogue refuses a request; the name is the stable problem code. */
public enum CatalogRefusal implements Refusal {
  /** No procedure of the catalogue has this code. Args: the code. */
  UNKNOWN_PROCEDURE(HttpStatus.NOT_FOUND),
  /** The procedure has no version in force that day (not yet published, or withdrawn by then). Args: code, day. */
  PROCEDURE_NOT_IN_FORCE(HttpStatus.NOT_FOUND),
  /** The day asked for is not a date written YYYY-MM-DD. Args: the text. */
  INVALID_DATE(HttpStatus.BAD_REQUEST);

  private final HttpStatus status;

  CatalogRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
