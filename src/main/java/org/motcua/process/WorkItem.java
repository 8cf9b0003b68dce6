package org.motcua.process;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A user task waiting for an officer (công việc).
 *
 * @param taskKey   the BPMN task id, e.g. {@code reception}, which is also the step code of the catalog
 * @param role      the role the model assigns the task to (CLERK, SPECIALIST, LEADER)
 * @param decisions what the officer may decide, as listed on the task in the BPMN model
 * @param escalated the step ran out and is also offered to its agency's leader
 *                  ({@link ProcessContract#ESCALATION_ROLE}), besides {@code role}
 */
public record WorkItem(
    String id,
    String taskKey,
    String name,
    String dossierCode,
    String role,
    String agencyCode,
    String assignee,
    LocalDateTime createdAt,
    LocalDateTime dueAt,
    List<String> decisions,
    boolean escalated) {
}
