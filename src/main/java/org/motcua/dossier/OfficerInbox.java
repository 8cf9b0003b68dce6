package org.motcua.dossier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract;
import org.motcua.process.TaskAlreadyHandledException;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hộp công việc: the steps waiting for an officer's agency and role, most urgent first, with their dossiers; and
 * nhận việc, an officer takes a step so that colleagues see it is theirs.
 */
@Service
public class OfficerInbox implements UseCase {

  private final DossierRepository dossiers;
  private final DossierLookup lookup;
  private final DossierProcess process;
  private final DossierStepRepository steps;

  OfficerInbox(DossierRepository dossiers, DossierLookup lookup, DossierProcess process, DossierStepRepository steps) {
    this.steps = steps;
    this.dossiers = dossiers;
    this.lookup = lookup;
    this.process = process;
  }

  /**
   * Officers' inbox page: their agency-and-role tasks, with the dossiers they belong to; {@code warned}: the ids of
   * the tasks whose step was warned (its share of the budget has passed), which the inbox flags for the assignee.
   */
  public record Inbox(List<WorkItem> items, Map<String, Dossier> dossiers, long total, Set<String> warned) {

    public boolean warned(WorkItem item) {
      return warned.contains(item.id());
    }
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(TaskRefusal.TASK_NOT_FOUND, TaskRefusal.TASK_NOT_YOURS, TaskRefusal.TASK_CLAIMED_BY_OTHER,
        TaskRefusal.TASK_ALREADY_DONE);
  }

  @Transactional(readOnly = true)
  public Inbox inbox(MotcuaUser officer, int page, int size) {
    String group = officer.taskGroup();
    int max = Math.min(Math.max(size, 1), 100);
    List<WorkItem> items = process.tasks(group, Math.max(page, 0) * max, max);
    Map<String, Dossier> byCode = dossiers.findByCodeIn(items.stream().map(WorkItem::dossierCode).toList())
        .stream().collect(Collectors.toMap(Dossier::getCode, d -> d));
    Set<String> warned = items.isEmpty() ? Set.of()
        : Set.copyOf(steps.warnedAmong(items.stream().map(WorkItem::id).toList()));
    return new Inbox(items, byCode, process.countTasks(group), warned);
  }

  /** The claimed task and its dossier; {@code warned} as in {@link Inbox}. */
  public record Claimed(WorkItem task, Dossier dossier, boolean warned) {
  }

  @Transactional
  public Claimed claim(MotcuaUser officer, String taskId) {
    WorkItem task = offeredTo(officer, taskId);
    try {
      if (task.assignee() == null) {
        process.claim(taskId, officer.username());
      }
    } catch (TaskAlreadyHandledException concurrent) {
      throw TaskRefusal.TASK_ALREADY_DONE.exception(taskId);
    }
    WorkItem claimed = process.task(taskId).orElseThrow();
    return new Claimed(claimed, lookup.find(claimed.dossierCode()),
        !steps.warnedAmong(List.of(claimed.id())).isEmpty());
  }

  /** The task, if it is offered to this officer's agency and role and nobody else holds it. */
  WorkItem offeredTo(MotcuaUser officer, String taskId) {
    WorkItem task = process.task(taskId).orElseThrow(() -> TaskRefusal.TASK_NOT_FOUND.exception(taskId));
    // Another agency's task belongs to a dossier this officer may not see: answered as a task that does not exist.
    if (!officer.role().isOfficer() || officer.is(Role.SUPERVISOR) || task.agencyCode() == null
        || !task.agencyCode().equals(officer.agencyCode())) {
      throw TaskRefusal.TASK_NOT_FOUND.exception(taskId);
    }
    // The task's candidate group (ROLE@agency) came with it: no second query to ask whether it is offered to them.
    String group = task.role() == null ? null : task.role() + "@" + task.agencyCode();
    // A step that ran out is offered to its agency's leader too (StepSweeper), who may take it over.
    boolean escalatedToThem = task.escalated() && officer.taskGroup() != null
        && officer.taskGroup().equals(ProcessContract.ESCALATION_ROLE + "@" + task.agencyCode());
    if (group == null || !(group.equals(officer.taskGroup()) || escalatedToThem)) {
      throw TaskRefusal.TASK_NOT_YOURS.exception(taskId);
    }
    if (task.assignee() != null && !task.assignee().equals(officer.username())) {
      throw TaskRefusal.TASK_CLAIMED_BY_OTHER.exception(taskId, task.assignee());
    }
    return task;
  }
}
