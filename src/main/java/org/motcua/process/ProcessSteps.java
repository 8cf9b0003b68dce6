package org.motcua.process;

import java.time.LocalDateTime;

/**
 * Implemented by the dossier feature: the step records (bước xử lý) of a dossier. The engine tells it, for every user
 * task of every model in {@code bpmn/} (called processes and multi-instance sub-processes included), when the task
 * was opened and when it ended, inside the engine's transaction; no model declares anything for it.
 */
public interface ProcessSteps {

  /**
   * A user task was opened.
   *
   * @param taskId      the engine's task id
   * @param dossierCode the business key of the task's process instance (the dossier code, propagated to called
   *                    processes); never null
   * @param taskKey     the BPMN id of the task
   * @param name        the task's name as the model gives it
   * @param role        the role of its candidate group {@code ROLE@agency}, or null without one
   * @param agencyCode  the agency of its candidate group, or null without one
   * @param startedAt   when it was opened
   * @param dueAt       its due date as the engine's working-time calendar resolved it from the step budget, or null
   */
  record Started(String taskId, String dossierCode, String taskKey, String name, String role, String agencyCode,
      LocalDateTime startedAt, LocalDateTime dueAt) {
  }

  /** How a task ended. */
  enum Outcome {
    /** Hoàn thành: an officer completed it. */
    COMPLETED,
    /** Hủy: deleted without completion (a withdrawal, an interrupting event, a terminated process). */
    CANCELLED
  }

  void started(Started step);

  /**
   * A task ended; called at most once per task in practice, and ignored for a task already ended.
   *
   * @param decision the decision variable the officer completed it with, or null
   * @param reason   why a cancelled task was deleted (the engine's words), or null
   */
  void ended(String taskId, LocalDateTime endedAt, Outcome outcome, String decision, String reason);
}
