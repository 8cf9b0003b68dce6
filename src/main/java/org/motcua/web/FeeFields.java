package org.motcua.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.Procedure;
import org.motcua.catalog.Procedure.Exemption;

/**
 * The fee part of a submission form: the quantities the fee is counted by (số trang, số bản…), as number fields
 * named {@code qty_<code>}, and when the fee is due. On the counter form a fee due at submission is also taken there.
 */
public record FeeFields(boolean shown, boolean dueAtSubmission, String due, long commonCaseVnd,
    List<Field> quantities, List<Exemption> exemptions) {

  /** The form field a fee refusal is shown at: the quantities, and on the counter form the fee taken there. */
  public static final String FIELD = "fee";

  private static final String PREFIX = "qty_";

  /** One quantity field, with what the person entered (or the default). */
  public record Field(String code, String name, String unit, int min, int max, String value) {
  }

  /** The fields for the procedure, filled from the submitted form when there is one. */
  public static FeeFields of(Procedure procedure, HttpServletRequest submitted) {
    FeeSchedule fee = procedure.fee();
    List<Field> fields = fee.quantities().stream().map(q -> new Field(q.code(), q.name(), q.unit(), q.min(), q.max(),
        submitted == null || submitted.getParameter(PREFIX + q.code()) == null
            ? String.valueOf(q.defaultValue()) : submitted.getParameter(PREFIX + q.code()).trim())).toList();
    return new FeeFields(procedure.feeVnd() > 0, fee.isDueAtSubmission(), fee.due().name(), procedure.feeVnd(), fields,
        procedure.exemptions());
  }

  /**
   * The declared quantities, for the service to price and check against the schedule's bounds; a field that is not
   * a whole number is sent as -1, which the schedule refuses like any value out of bounds.
   */
  public static Map<String, Integer> declared(Procedure procedure, HttpServletRequest request) {
    Map<String, Integer> declared = new LinkedHashMap<>();
    for (FeeSchedule.Quantity q : procedure.fee().quantities()) {
      String value = request.getParameter(PREFIX + q.code());
      if (value != null && !value.isBlank()) {
        declared.put(q.code(), value.trim().matches("\\d{1,6}") ? Integer.parseInt(value.trim()) : -1);
      }
    }
    return declared;
  }
}
