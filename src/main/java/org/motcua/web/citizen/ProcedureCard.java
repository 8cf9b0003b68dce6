package org.motcua.web.citizen;

import java.util.List;

/**
 * A procedure as the catalogue pages show it. {@code agencyCode}/{@code agencyName}: its first receiving agency;
 * {@code offerings}: every one, with the procedure's localized code there; {@code anywhere}: any of them receives any
 * applicant (phi địa giới hành chính).
 */
record ProcedureCard(String code, String name, String field, String agencyCode, String agencyName, int durationValue,
    String durationUnit, long feeVnd, String feeNote, String onlineLevel, boolean offeredOnline, String legalBasis,
    List<String> components, List<OfferingCard> offerings, boolean anywhere, java.time.LocalDate validFrom,
    String decisionNumber, java.time.LocalDate decisionDate, List<org.motcua.web.DossierPages.CaseChoice> cases) {

  /** One receiving agency of the procedure. */
  record OfferingCard(String agencyCode, String agencyName, String localizedCode) {
  }

  /** More than one agency receives it: the applicant chooses where to submit. */
  public boolean offeredByMany() {
    return offerings.size() > 1;
  }
}
