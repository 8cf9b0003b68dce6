package org.motcua.process.camunda;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract;
import org.motcua.process.TaskAlreadyHandledException;
import org.motcua.process.WorkItem;
import org.springframework.stereotype.Component;

/** {@link DossierProcess} on Camunda 7. Business key = dossier code; candidate groups = {@code ROLE@agency}. */
@Component
class CamundaDossierProcess implements DossierProcess {

  private final RuntimeService runtime;
  private final TaskService taskService;
  private final RepositoryService repository;
  private final ManagementService management;
  private final EngineValues values;
  private final TaskRows rows;
  private final CommandExecutor commands;
  /** Decisions per process definition and task; definitions never change once deployed, so this never goes stale. */
  private final Map<String, Map<String, List<String>>> decisions = new ConcurrentHashMap<>();

  CamundaDossierProcess(RuntimeService runtime, TaskService taskService, RepositoryService repository,
      ManagementService management, EngineValues values, TaskRows rows, ProcessEngineConfigurationImpl engine) {
    this.rows = rows;
    this.commands = engine.getCommandExecutorTxRequired();
    this.management = management;
    this.runtime = runtime;
    this.taskService = taskService;
    this.repository = repository;
    this.values = values;
  }

  @Override
  public String start(String processKey, String dossierCode, Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(processKey, dossierCode, values.toEngine(variables)).getId();
  }

  @Override
  public void correlate(String message, String dossierCode, Map<String, Object> variables) {
    runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(dossierCode)
        .setVariables(values.toEngine(variables))
        .correlate();
  }

  @Override
  public Optional<WorkItem> task(String taskId) {
    return rows.byId(taskId).stream().map(this::item).findFirst();
  }

  @Override
  public List<WorkItem> tasks(String group, int first, int max) {
    List<Task> tasks = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
        .orderByDueDate().asc().orderByTaskCreateTime().asc()
        .listPage(first, max);
    // Read again with all their groups: an escalated task in a leader's inbox keeps its own role and agency.
    return rows.byIds(tasks.stream().map(Task::getId).toList()).stream().map(this::item).toList();
  }

  @Override
  public long countTasks(String group) {
    return taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count();
  }

  @Override
  public List<WorkItem> tasksOfDossier(String dossierCode) {
    return rows.byDossier(dossierCode).stream().map(this::item).toList();
  }

  @Override
  public void claim(String taskId, String username) {
    try {
      taskService.claim(taskId, username);
    } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
      throw new TaskAlreadyHandledException(taskId, e);
    }
  }

  /** Claim (when asked) and completion are one engine command: one transaction, the task read once. */
  @Override
  public void complete(String taskId, String claimant, Map<String, Object> variables) {
    Map<String, Object> engineVariables = values.toEngine(variables);
    try {
      commands.execute(context -> {
        if (claimant != null) {
          new ClaimTaskCmd(taskId, claimant).execute(context);
        }
        return new CompleteTaskCmd(taskId, engineVariables).execute(context);
      });
    } catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException e) {
      throw new TaskAlreadyHandledException(taskId, e);
    }
  }

  /** The timers may wait in any of the dossier's process instances (the model's or a shared part it called). */
  @Override
  public void rescheduleTimers(String dossierCode, Map<String, java.time.LocalDateTime> dueByEvent) {
    for (String instanceId : instanceIds(dossierCode)) {
      dueByEvent.forEach((eventId, due) -> management.createJobQuery().processInstanceId(instanceId)
          .activityId(eventId).timers().list()
          .forEach(job -> management.setJobDuedate(job.getId(), values.toDate(due))));
    }
  }

  /**
   * Sets the variables in every running process instance of the dossier: the model's and any shared part it is
   * calling (e.g. the intake, while a budget changes at reception), so the tasks still to come read them wherever
   * they wait; a called part hands its variables back to the model when it ends.
   */
  @Override
  public void setVariables(String dossierCode, Map<String, Object> variables) {
    Map<String, Object> engineVariables = values.toEngine(variables);
    instanceIds(dossierCode).forEach(id -> runtime.setVariables(id, engineVariables));
  }

  @Override
  public void escalate(String taskId, String group) {
    if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
      taskService.addCandidateGroup(taskId, group);
    }
  }

  /**
   * The dossier's running process instances: the model's and those of the shared parts it calls, which carry the
   * same business key (the models pass it to every call activity).
   */
  private List<String> instanceIds(String dossierCode) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(dossierCode).list().stream()
        .map(ProcessInstance::getId).toList();
  }

  private WorkItem item(TaskRows.Row row) {
    return item(row.id(), row.taskKey(), row.name(), row.dossierCode(), row.candidateGroup(), row.assignee(),
        row.createdAt(), row.dueAt(), row.processDefinitionId(), row.escalated());
  }

  private WorkItem item(String id, String taskKey, String name, String dossierCode, String group, String assignee,
      java.util.Date createdAt, java.util.Date dueAt, String processDefinitionId, boolean escalated) {
    String role = group == null ? null : group.substring(0, group.indexOf('@'));
    String agency = group == null ? null : group.substring(group.indexOf('@') + 1);
    return new WorkItem(id, taskKey, name, dossierCode, role, agency, assignee, values.toLocal(createdAt),
        values.toLocal(dueAt), decisionsOf(processDefinitionId, taskKey), escalated);
  }

  private List<String> decisionsOf(String processDefinitionId, String taskKey) {
    return decisions.computeIfAbsent(processDefinitionId, this::readDecisions).getOrDefault(taskKey, List.of());
  }

  private Map<String, List<String>> readDecisions(String processDefinitionId) {
    Collection<UserTask> userTasks = repository.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(UserTask.class);
    return userTasks.stream().collect(Collectors.toMap(UserTask::getId, CamundaDossierProcess::decisionsProperty,
        (a, b) -> a));
  }

  private static List<String> decisionsProperty(UserTask task) {
    if (task.getExtensionElements() == null) {
      return List.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(props -> props.getCamundaProperties().stream())
        .filter(p -> ProcessContract.DECISIONS_PROPERTY.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(value -> !value.isEmpty())
        .toList();
  }
}
