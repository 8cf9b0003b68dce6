package org.motcua.catalog;

import java.util.List;
import org.motcua.calendar.DurationUnit;

/** What the public catalog API returns; the catalog's own records stay inside. */
final class CatalogViews {

  private CatalogViews() {
  }

  record AgencyView(String code, String name, String parentCode, AgencyLevel level) {
  }

  record DurationView(int value, DurationUnit unit) {
  }

  record ComponentView(String code, String name, boolean required) {
  }

  record StepView(String task, int workingHours) {
  }

  record ExemptionView(String code, String name) {
  }

  record ProcedureView(
      String code,
      String nationalCode,
      String name,
      String field,
      AgencyLevel level,
      String agencyCode,
      DurationView duration,
      OnlineLevel onlineLevel,
      long feeVnd,
      String feeNote,
      String legalBasis,
      List<ComponentView> components,
      List<StepView> steps,
      List<ExemptionView> exemptions) {
  }
}
