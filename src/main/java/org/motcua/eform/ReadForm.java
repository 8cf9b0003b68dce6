package org.motcua.eform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.motcua.catalog.CatalogRefusal;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.FindProcedure;
import org.motcua.catalog.Procedure;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.stereotype.Component;

/**
 * Reading a procedure's e-form before filling it in, and seeing which case (and fee) the data filled in selects: as
 * public as the catalogue, the pre-fill aside.
 */
@Component
public class ReadForm implements UseCase {

  private final FindProcedure procedures;
  private final FormDefinitions forms;
  private final Clock clock;

  ReadForm(FindProcedure procedures, FormDefinitions forms, Clock clock) {
    this.procedures = procedures;
    this.forms = forms;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(CatalogRefusal.UNKNOWN_PROCEDURE, CatalogRefusal.PROCEDURE_NOT_IN_FORCE,
        CatalogRefusal.INVALID_DATE, FormRefusal.NO_FORM, FormRefusal.FORM_INVALID, FormRefusal.FORM_TOO_LARGE);
  }

  /**
   * The definition of the procedure version in force on {@code at} (today when null) for the case named (without
   * one: the definition its cases share), with the identity's pre-fill (null: none).
   */
  public FormViews.FormView read(String procedureCode, String caseCode, String at, Identity identity) {
    FormDefinition definition = definition(procedures.find(procedureCode, at), caseCode);
    JsonNode prefill = identity == null ? null : forms.prefill(definition, identity);
    return FormViews.toView(definition, prefill);
  }

  /**
   * The case the data selects today under the version in force, with its fee (at the schedule's default quantities)
   * and time limit: what the applicant sees before submitting.
   */
  public FormViews.CaseView selectCase(String procedureCode, JsonNode data) {
    Procedure version = procedures.find(procedureCode, null);
    FormDefinition definition = definition(version, null);
    // Data still being typed may be incomplete, but it is a form's object, and no larger than a dossier keeps.
    if (data == null || !data.isObject()) {
      throw new InvalidForm(forms.validate(definition, data == null ? NullNode.getInstance() : data), "$.form");
    }
    if (data.toString().length() > FormDefinitions.MAX_DATA_CHARS) {
      throw FormRefusal.FORM_TOO_LARGE.exception(FormDefinitions.MAX_DATA_CHARS);
    }
    LocalDate today = LocalDate.now(clock);
    FormDefinition.Selected selected = definition.selectCase(data, today).orElse(null);
    Procedure.Case kase = selected == null ? version.defaultCase().orElse(null)
        : version.caseOf(selected.caseCode()).orElse(null);
    if (kase == null) {
      return new FormViews.CaseView(null, null, false, null, 0, null, null, null);
    }
    FeeSchedule.Quote fee = kase.fee().quote(java.util.Map.of());
    String basis = definition.caseSelection().isEmpty() ? null
        : selected.rule() == null ? definition.caseSelection().get(0).basis() : selected.rule().basis();
    return new FormViews.CaseView(kase.code(), kase.name(), selected != null && selected.rule() != null, basis,
        fee.totalVnd(), fee.lines().isEmpty() ? null : fee.describe(), kase.fee().due(), kase.duration(true));
  }

  private FormDefinition definition(Procedure version, String caseCode) {
    String kase = caseCode == null || caseCode.isBlank() ? null : caseCode.trim();
    if (kase != null && version.caseOf(kase).isEmpty()) {
      throw FormRefusal.NO_FORM.exception(version.code(), kase);
    }
    return forms.find(version, kase).orElseThrow(() -> FormRefusal.NO_FORM.exception(version.code(),
        kase == null ? "—" : kase));
  }
}
