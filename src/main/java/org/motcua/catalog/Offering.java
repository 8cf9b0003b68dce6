package org.motcua.catalog;

import java.time.LocalDate;

/**
 * One receiving agency of a procedure (nơi tiếp nhận): the agency, and the procedure's code as that agency publishes it
 * (mã thủ tục địa phương hóa; the procedure's catalogue code when the configuration gives none).
 *
 * @param validFrom first day the agency receives the procedure, null: as the procedure version
 * @param validTo last day it does, null: as the procedure version
 */
public record Offering(String agencyCode, String localizedCode, LocalDate validFrom, LocalDate validTo) {

  public Offering(String agencyCode, String localizedCode) {
    this(agencyCode, localizedCode, null, null);
  }
}
