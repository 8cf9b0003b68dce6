package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.motcua.calendar.DurationUnit;
import org.motcua.calendar.TimeLimit;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.process.ProcessStages;
import org.springframework.stereotype.Component;

/**
 * Liên thông: the stages of a dossier's chain are its procedure case's, in the catalogue version the dossier is bound
 * to. Entering a stage hands the dossier to the stage's agency (its officers may read it from then on), with a stage
 * deadline of its steps' budgets in working time; the applicant's appointment stays what it was.
 */
@Component
class ChainStages implements ProcessStages {

  private final DossierRepository dossiers;
  private final DossierChanges changes;
  private final Catalog catalog;
  private final Deadlines deadlines;
  private final Clock clock;

  ChainStages(DossierRepository dossiers, DossierChanges changes, Catalog catalog, Deadlines deadlines,
      Clock clock) {
    this.dossiers = dossiers;
    this.changes = changes;
    this.catalog = catalog;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public int count(String dossierCode) {
    return stages(dossier(dossierCode)).size();
  }

  @Override
  public Map<String, Object> enter(String dossierCode, int index) {
    Dossier dossier = dossier(dossierCode);
    List<Procedure.Stage> stages = stages(dossier);
    Procedure.Stage stage = stages.get(index);
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime stageDue = deadlines.due(now, new TimeLimit(stage.workingHours(), DurationUnit.WORKING_HOURS));
    dossier.enterStage(now, index + 1, stages.size(), stage.agencyCode(), catalog.path(stage.agencyCode()),
        stage.name(), stageDue);
    changes.save(dossier);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.AGENCY_CODE, stage.agencyCode());
    variables.put(Variables.STAGE_OBLIGATION, stage.obligation());
    stage.steps().forEach(step -> variables.put(Variables.budget(step.task()),
        Variables.workingHours(step.workingHours())));
    return variables;
  }

  @Override
  public void leave(String dossierCode, int index, String decision) {
    Dossier dossier = dossier(dossierCode);
    dossier.leaveStage(LocalDateTime.now(clock), decision);
    changes.save(dossier);
  }

  private Dossier dossier(String code) {
    return dossiers.findByCode(code)
        .orElseThrow(() -> new IllegalStateException("No dossier " + code + " for its process"));
  }

  private List<Procedure.Stage> stages(Dossier dossier) {
    return catalog.caseOf(dossier.getProcedureCode(), dossier.getProcedureValidFrom(), dossier.getCaseCode())
        .map(Procedure.Case::stages)
        .orElseThrow(() -> new IllegalStateException("No catalogue case for dossier " + dossier.getCode()));
  }
}
