package org.motcua.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.motcua.catalog.Catalog;
import org.motcua.common.ApiException;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The indicators supervisors read; a supervisor sees their own agency and everything below it. */
@Service
public class ReportService {

  private final AggregateQuery summaries;
  private final Catalog catalog;
  private final Clock clock;

  ReportService(AggregateQuery summaries, Catalog catalog, Clock clock) {
    this.summaries = summaries;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Summary summary(MotcuaUser user, LocalDate from, LocalDate to, String agency) {
    if (to.isBefore(from)) {
      throw ApiException.badRequest("INVALID_PERIOD", from, to);
    }
    String scope = scope(user, agency);
    LocalDateTime periodEnd = to.plusDays(1).atStartOfDay();
    LocalDateTime now = LocalDateTime.now(clock);
    return summaries.summarize(from, to, scope, now.isBefore(periodEnd) ? now : periodEnd);
  }

  /** The agency subtree to report on: the one asked for if the user may see it, else the user's own. */
  private String scope(MotcuaUser user, String agency) {
    if (agency != null && catalog.agency(agency).isEmpty()) {
      throw ApiException.badRequest("UNKNOWN_AGENCY", agency);
    }
    if (user.is(Role.ADMIN)) {
      return agency;
    }
    if (agency == null) {
      return user.agencyCode();
    }
    if (!catalog.isWithin(agency, user.agencyCode())) {
      throw ApiException.forbidden("REPORT_SCOPE_DENIED", agency);
    }
    return agency;
  }
}
