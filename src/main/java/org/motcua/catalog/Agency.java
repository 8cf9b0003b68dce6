package org.motcua.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * An agency (cơ quan) identified by its electronic identifier (mã định danh, QCVN 102:2016/BTTTT), with the period it
 * exists in (both days included, either end open) and, once abolished or merged (giải thể, sáp nhập), the agencies
 * that took over its work: the first is the principal one, which inherits its history in today's structure.
 *
 * @param successors empty unless {@code validTo} is set; the first is the principal successor
 * @param dissolved abolished without a successor: its history goes to its parent's (see {@link AgencyTree})
 */
public record Agency(String code, String name, String parentCode, AgencyLevel level, LocalDate validFrom,
    LocalDate validTo, List<String> successors, boolean dissolved) {

  public Agency {
    successors = successors == null ? List.of() : List.copyOf(successors);
  }

  /** An agency that has always existed and still does. */
  public Agency(String code, String name, String parentCode, AgencyLevel level) {
    this(code, name, parentCode, level, null, null, List.of(), false);
  }

  /** True if the agency exists on that day. */
  public boolean isValidOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
  }

  /** True if the agency had ceased to exist before that day. */
  public boolean isAbolishedOn(LocalDate day) {
    return validTo != null && day.isAfter(validTo);
  }
}
