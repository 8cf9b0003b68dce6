package org.motcua.reporting;

import java.time.LocalDateTime;
import java.util.List;
import org.motcua.dossier.StepReports;

/**
 * Steps overrunning now (bước xử lý đang quá hạn): the open steps past their due instant in an agency subtree, by the
 * agency of the step (not the one that received the dossier), most overdue first, with a count per agency.
 *
 * @param at      the instant they were judged at (now)
 * @param agency  the scope's agency, null for everything (an admin)
 * @param byAgency how many per agency, most first
 * @param steps   the steps, at most {@link ReportService#OVERRUNNING_MAX}
 */
public record OverrunningSteps(LocalDateTime at, String agency, List<AgencyCount> byAgency,
    List<StepReports.OverrunningStep> steps) {

  /** An agency with its overrunning steps. */
  public record AgencyCount(String agencyCode, String agencyName, long steps) {
  }
}
