package org.motcua.catalog;

import java.util.List;
import org.motcua.calendar.DurationUnit;

/** What the public catalog API returns; the catalog's own records stay inside. */
final class CatalogViews {

  private CatalogViews() {
  }

  /** {@code validFrom}/{@code validTo}: null when open; {@code successors}: the first is the principal one. */
  record AgencyView(String code, String name, String parentCode, AgencyLevel level, java.time.LocalDate validFrom,
      java.time.LocalDate validTo, List<String> successors) {
  }

  record DurationView(int value, DurationUnit unit) {
  }

  record ComponentView(String code, String name, boolean required) {
  }

  /** A step of the internal process; {@code warnShare}: its own warning share, null for the province's default. */
  record StepView(String task, int workingHours, Double warnShare) {
  }

  record ExemptionView(String code, String name) {
  }

  record QuantityView(String code, String name, String unit, int defaultValue, int min, int max) {
  }

  record TierView(int from, long vnd) {
  }

  record FeeItemView(String name, FeeSchedule.Kind kind, String per, List<TierView> tiers, Long capVnd,
      String times) {
  }

  /** The fee schedule; {@code feeVnd} beside it is the fee of the common case. */
  record FeeView(FeeSchedule.Due due, List<QuantityView> quantities, List<FeeItemView> items) {
  }

  /** A receiving agency of the procedure and the procedure's code as that agency publishes it. */
  record OfferingView(String agencyCode, String localizedCode, java.time.LocalDate validFrom,
      java.time.LocalDate validTo) {
  }

  /** The publication decision (quyết định công bố) of a version. */
  record DecisionView(String number, java.time.LocalDate date) {
  }

  /**
   * A case (trường hợp) the applicant chooses at submission; {@code onlineDuration} null when online submission has
   * the same limit; {@code feeVnd} the fee of its common case.
   */
  record CaseView(String code, String name, DurationView duration, DurationView onlineDuration,
      OnlineLevel onlineLevel, long feeVnd, FeeView fee, String feeNote, List<ComponentView> components,
      List<StepView> steps) {
  }

  /**
   * {@code agencyCode} is the first of {@code offerings}, kept for clients of the single-agency catalogue;
   * {@code anywhere}: any offering agency receives any applicant (phi địa giới hành chính).
   */
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
      FeeView fee,
      String feeNote,
      String legalBasis,
      List<ComponentView> components,
      List<StepView> steps,
      List<ExemptionView> exemptions,
      List<OfferingView> offerings,
      boolean anywhere,
      java.time.LocalDate validFrom,
      java.time.LocalDate validTo,
      DecisionView decision,
      List<CaseView> cases) {
  }
}
