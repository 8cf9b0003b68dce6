package org.motcua.warehouse;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why an item of the e-data warehouse cannot be reused; the name is the stable problem code. */
public enum WarehouseRefusal implements Refusal {
  /** No such item in the applicant's warehouse. Args: item id. */
  UNKNOWN_WAREHOUSE_ITEM(HttpStatus.NOT_FOUND),
  /** The item is not of the component's type. Args: item id, document type. */
  WAREHOUSE_ITEM_WRONG_TYPE(HttpStatus.BAD_REQUEST),
  /** The item is no longer valid. Args: item id, valid-until date. */
  WAREHOUSE_ITEM_EXPIRED(HttpStatus.CONFLICT);

  private final HttpStatus status;

  WarehouseRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
