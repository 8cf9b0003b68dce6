package org.motcua.reporting;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a history import is refused; the name is the stable problem code. */
public enum ImportRefusal implements Refusal {
  /** The body has no line at all. No args. */
  IMPORT_EMPTY(HttpStatus.BAD_REQUEST),
  /** The first line is not the expected header. Args: the header. */
  IMPORT_BAD_HEADER(HttpStatus.BAD_REQUEST),
  /** The body is over {@code motcua.imports.max-bytes}; nothing stored. Args: the limit in MB. */
  IMPORT_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
  /** No import job with this id. Args: the id. */
  IMPORT_NOT_FOUND(HttpStatus.NOT_FOUND);

  private final HttpStatus status;

  ImportRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
