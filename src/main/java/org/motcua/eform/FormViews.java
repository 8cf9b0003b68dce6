package org.motcua.eform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.motcua.calendar.TimeLimit;
import org.motcua.catalog.FeeSchedule;

/** What the e-form API returns. */
public final class FormViews {

  private FormViews() {
  }

  /**
   * A form definition as a client renders it: the JSON Schema of the data, the layout (sections of fields with their
   * Vietnamese labels, help, widget, pre-fill and choice labels) and the case-selection rules; {@code prefill} the
   * values the signed-in caller's account fills in (empty for an anonymous reader).
   */
  public record FormView(String key, String procedureCode, List<String> cases, LocalDate catalogueVersion,
      String component, String title, String officialForm, String addressee, String pledge, String signer,
      JsonNode schema, List<SectionView> sections, List<CaseRuleView> caseSelection, String otherwiseCase,
      JsonNode prefill) {
  }

  public record SectionView(String title, String help, List<FieldView> fields) {
  }

  public record FieldView(String name, String label, String help, String widget, Prefill prefill,
      Map<String, String> options, boolean required) {
  }

  public record CaseRuleView(String caseCode, String field, FormDefinition.Comparison comparison, int days,
      String basis) {
  }

  /**
   * The case the data selects and what it costs, before submitting.
   *
   * @param byRule true when a rule of the definition selected it (false: no rule held, or the definition has none)
   * @param basis the legal basis of the rule considered; null without rules
   */
  public record CaseView(String caseCode, String caseName, boolean byRule, String basis, long feeVnd,
      String feeDetail, FeeSchedule.Due feeDue, TimeLimit duration) {
  }

  static FormView toView(FormDefinition d, JsonNode prefill) {
    return new FormView(d.key(), d.procedureCode(), d.cases(), d.catalogueVersion(), d.component(), d.title(),
        d.officialForm(), d.addressee(), d.pledge(), d.signer(), d.schema(),
        d.sections().stream().map(s -> new SectionView(s.title(), s.help(), s.fields().stream()
            .map(f -> new FieldView(f.name(), f.label(), f.help(), f.widget(), f.prefill(), f.options(),
                required(d.schema(), f.name()))).toList())).toList(),
        d.caseSelection().stream().map(r -> new CaseRuleView(r.caseCode(), r.field(), r.comparison(), r.days(),
            r.basis())).toList(), d.otherwiseCase(), prefill);
  }

  /** True when the schema requires the field (and every object on its way). */
  static boolean required(JsonNode schema, String name) {
    JsonNode node = schema;
    for (String part : name.split("\\.")) {
      boolean listed = false;
      for (JsonNode r : node.path("required")) {
        listed |= r.asText().equals(part);
      }
      if (!listed) {
        return false;
      }
      node = node.path("properties").path(part);
    }
    return true;
  }
}
