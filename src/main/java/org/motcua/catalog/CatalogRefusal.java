package org.motcua.catalog;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why the catalogue refuses a request; the name is the stable problem code. */
public enum CatalogRefusal implements Refusal {
  /** No procedure of the catalogue has this code. Args: the code. */
  UNKNOWN_PROCEDURE(HttpStatus.NOT_FOUND);

  private final HttpStatus status;

  CatalogRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
