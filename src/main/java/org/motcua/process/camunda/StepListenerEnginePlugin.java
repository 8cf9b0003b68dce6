package org.motcua.process.camunda;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessSteps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Step records for every user task of every model, without a line in any model: a parse listener gives each user
 * task (in a process, a called process, a sub-process or a multi-instance body alike) built-in task listeners for
 * its creation, completion and deletion, which tell {@link ProcessSteps} in the engine's transaction. Built-in
 * listeners run even when a caller asks the engine to skip the model's own listeners.
 */
@Component
class StepListenerEnginePlugin extends SpringProcessEnginePlugin {

  private final ObjectProvider<ProcessSteps> steps;
  private final EngineValues values;

  StepListenerEnginePlugin(ObjectProvider<ProcessSteps> steps, EngineValues values) {
    this.steps = steps;
    this.values = values;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new UserTasks(new StepListener()));
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  /** Adds the step listener to each user task as the models are deployed. */
  static final class UserTasks extends AbstractBpmnParseListener {

    private final TaskListener listener;

    UserTasks(TaskListener listener) {
      this.listener = listener;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, listener);
      }
    }
  }

  /** Translates a task event into one call of the port. */
  final class StepListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
      ProcessSteps port = steps.getIfAvailable();
      String dossierCode = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
      if (port == null || dossierCode == null) {
        return;
      }
      switch (task.getEventName()) {
        case TaskListener.EVENTNAME_CREATE -> {
          String group = ownGroup(task);
          int at = group == null ? -1 : group.indexOf('@');
          port.started(new ProcessSteps.Started(task.getId(), dossierCode, task.getTaskDefinitionKey(),
              task.getName(), at < 0 ? null : group.substring(0, at), at < 0 ? null : group.substring(at + 1),
              values.toLocal(task.getCreateTime() != null ? task.getCreateTime() : ClockUtil.getCurrentTime()),
              values.toLocal(task.getDueDate())));
        }
        case TaskListener.EVENTNAME_COMPLETE -> {
          Object decision = task.getVariable(ProcessContract.Variables.DECISION);
          port.ended(task.getId(), values.toLocal(ClockUtil.getCurrentTime()), ProcessSteps.Outcome.COMPLETED,
              decision == null ? null : decision.toString(), null);
        }
        case TaskListener.EVENTNAME_DELETE -> port.ended(task.getId(), values.toLocal(ClockUtil.getCurrentTime()),
            ProcessSteps.Outcome.CANCELLED, null, task.getDeleteReason());
        default -> {
        }
      }
    }
  }

  /** The task's candidate group {@code ROLE@agency} as the model gave it (the first, as {@link TaskRows} reads). */
  private static String ownGroup(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && link.getGroupId().indexOf('@') > 0)
        .map(IdentityLink::getGroupId)
        .sorted()
        .findFirst().orElse(null);
  }
}
