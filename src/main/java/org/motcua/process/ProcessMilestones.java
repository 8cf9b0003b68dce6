package org.motcua.process;

import java.util.Map;

/** Implemented by the dossier feature: what happens to a dossier when its process reaches a milestone. */
public interface ProcessMilestones {

  /**
   * Called inside the engine's transaction, so dossier state and process state change together.
   *
   * @return process variables to set (e.g. the due date the timers wait for); local date-times are allowed
   */
  Map<String, Object> reached(String dossierCode, Milestone milestone);

  /**
   * As {@link #reached(String, Milestone)}, with the agency the execution reached it for: the dossier's own, or the
   * consulted agency of a consultation ({@link Milestone#CONSULTATION_TIMED_OUT}).
   */
  default Map<String, Object> reached(String dossierCode, Milestone milestone, String agencyCode) {
    return reached(dossierCode, milestone);
  }
}
