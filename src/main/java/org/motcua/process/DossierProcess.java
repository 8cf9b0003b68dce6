package org.motcua.process;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port to the process engine: the only way features start, drive and query dossier processes.
 * The Camunda 7 implementation lives in {@code process.camunda}; moving to Operaton touches that package only.
 * Local date-time values in variables are converted by the implementation.
 */
public interface DossierProcess {

  /** Starts the process {@code processKey} for a dossier; the dossier code is the business key. */
  String start(String processKey, String dossierCode, Map<String, Object> variables);

  /** Delivers a message (e.g. the applicant's supplement) to the dossier's waiting process. */
  void correlate(String message, String dossierCode, Map<String, Object> variables);

  Optional<WorkItem> task(String taskId);

  /** Open tasks offered to a candidate group, claimed or not, most urgent first. */
  List<WorkItem> tasks(String group, int first, int max);

  long countTasks(String group);

  List<WorkItem> tasksOfDossier(String dossierCode);

  void claim(String taskId, String username);

  /**
   * Completes a task with the given variables; when {@code claimant} is not null the task is first claimed for them,
   * in the same transaction (a task nobody held yet).
   *
   * @throws TaskAlreadyHandledException when someone else claimed or completed it first
   */
  void complete(String taskId, String claimant, Map<String, Object> variables);

  /** Moves the dossier's pending timers, by the BPMN id of their event, to new instants (e.g. after a pause). */
  void rescheduleTimers(String dossierCode, Map<String, java.time.LocalDateTime> dueByEvent);

  /** Sets process variables of the dossier's running process. */
  void setVariables(String dossierCode, Map<String, Object> variables);

  /**
   * Offers an open task to one more candidate group as well (e.g. {@code LEADER@agency} when its step ran out); the
   * task keeps its own group and assignee. Nothing happens for a task that no longer exists.
   */
  void escalate(String taskId, String group);
}
