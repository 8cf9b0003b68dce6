package org.motcua.reporting;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a report is refused; the name is the stable problem code. */
public enum ReportRefusal implements Refusal {
  /** {@code to} before {@code from}. Args: from, to. */
  INVALID_PERIOD(HttpStatus.BAD_REQUEST),
  /** No agency of the catalogue has this code. Args: the code. */
  UNKNOWN_AGENCY(HttpStatus.BAD_REQUEST),
  /** The agency is outside the caller's subtree (or the caller is no supervisor). Args: agency. */
  REPORT_SCOPE_DENIED(HttpStatus.FORBIDDEN),
  /** A breakdown by something else than the known dimensions. Args: the value. */
  UNKNOWN_DIMENSION(HttpStatus.BAD_REQUEST),
  /** A series with too many periods. Args: from, to, the longest period in days. */
  PERIOD_TOO_LONG(HttpStatus.BAD_REQUEST),
  /**
   * An abolished agency asked for in today's structure, where it has no unit of its own. Args: the agency, its last
   * day, the agency that carries its work today.
   */
  AGENCY_NOT_CURRENT(HttpStatus.BAD_REQUEST),
  /** A {@code structure} other than RECEIVED or CURRENT. Args: the value. */
  UNKNOWN_STRUCTURE(HttpStatus.BAD_REQUEST),
  /** An export format other than csv or xlsx. Args: the value. */
  UNKNOWN_EXPORT_FORMAT(HttpStatus.BAD_REQUEST);

  private final HttpStatus status;

  ReportRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
