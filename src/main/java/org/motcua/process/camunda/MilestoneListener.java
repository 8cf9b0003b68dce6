package org.motcua.process.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.motcua.process.Milestone;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessMilestones;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Called from the BPMN model as {@code ${dossierMilestones.reached(execution, 'RECEIVED')}}: passes the milestone to
 * the dossier feature and stores the variables it returns (e.g. the due date the timers wait for).
 */
// Public: the engine's expression language only calls methods of public classes.
@Component(ProcessContract.MILESTONE_LISTENER)
public class MilestoneListener {

  private final ProcessMilestones milestones;
  private final EngineValues values;

  MilestoneListener(ProcessMilestones milestones, EngineValues values) {
    this.milestones = milestones;
    this.values = values;
  }

  public void reached(DelegateExecution execution, String milestone) {
    String previous = MDC.get("dossier");
    // Timer jobs run outside any request: the dossier code goes into the log context here too.
    MDC.put("dossier", execution.getProcessBusinessKey());
    try {
      // The execution's agency: the dossier's, or inside a consultation the consulted one (a local variable).
      var variables = milestones.reached(execution.getProcessBusinessKey(), Milestone.valueOf(milestone),
          (String) execution.getVariable(ProcessContract.Variables.AGENCY_CODE));
      execution.setVariables(values.toEngine(variables));
    } finally {
      if (previous == null) {
        MDC.remove("dossier");
      } else {
        MDC.put("dossier", previous);
      }
    }
  }
}
