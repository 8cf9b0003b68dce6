package org.motcua.process.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.process.ProcessStages;
import org.springframework.stereotype.Component;

/**
 * Called from a chain model: {@code ${dossierStages.count(execution)}} is the stage loop's cardinality,
 * {@code ${dossierStages.enter(execution)}} starts a stage (its agency and budgets become variables of the stage's
 * own scope, so the stage's tasks go to its agency), {@code ${dossierStages.leave(execution)}} ends it.
 */
// Public: the engine's expression language only calls methods of public classes.
@Component(ProcessContract.Stages.LISTENER)
public class StageListener {

  /** The multi-instance loop's counter, set by the engine on each stage's execution. */
  private static final String LOOP_COUNTER = "loopCounter";

  private final ProcessStages stages;
  private final EngineValues values;

  StageListener(ProcessStages stages, EngineValues values) {
    this.stages = stages;
    this.values = values;
  }

  public int count(DelegateExecution execution) {
    return stages.count(execution.getProcessBusinessKey());
  }

  public void enter(DelegateExecution execution) {
    execution.setVariablesLocal(values.toEngine(stages.enter(execution.getProcessBusinessKey(), index(execution))));
  }

  public void leave(DelegateExecution execution) {
    stages.leave(execution.getProcessBusinessKey(), index(execution),
        (String) execution.getVariable(Variables.DECISION));
  }

  private static int index(DelegateExecution execution) {
    return ((Number) execution.getVariable(LOOP_COUNTER)).intValue();
  }
}
