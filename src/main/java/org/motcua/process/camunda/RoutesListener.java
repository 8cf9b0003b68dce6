package org.motcua.process.camunda;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.motcua.process.DossierRoutes;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessContract.Variables;
import org.springframework.stereotype.Component;

/**
 * Called from the models where a dossier's route depends on its case in the catalogue: the consultation model's
 * multi-instance collection is {@code ${dossierRoutes.consultedAgencies(execution)}} (one instance per agency, its
 * code the local variable {@code agencyCode}), and each instance sets its own budget with
 * {@code ${execution.setVariableLocal('consultationBudget', dossierRoutes.consultationBudget(execution))}}.
 */
// Public: the engine's expression language only calls methods of public classes.
@Component(ProcessContract.ROUTES)
public class RoutesListener {

  private final DossierRoutes routes;

  RoutesListener(DossierRoutes routes) {
    this.routes = routes;
  }

  /** The codes of the agencies the dossier's case consults, in the catalogue's order. */
  public List<String> consultedAgencies(DelegateExecution execution) {
    return routes.consultations(execution.getProcessBusinessKey()).stream()
        .map(DossierRoutes.Consultation::agencyCode).toList();
  }

  /** The budget of the consultation the execution is in (its local {@code agencyCode}), as working time. */
  public String consultationBudget(DelegateExecution execution) {
    String agency = (String) execution.getVariable(Variables.AGENCY_CODE);
    return routes.consultations(execution.getProcessBusinessKey()).stream()
        .filter(c -> c.agencyCode().equals(agency))
        .map(c -> Variables.workingHours(c.workingHours()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "Dossier " + execution.getProcessBusinessKey() + " does not consult agency " + agency));
  }
}
