package org.motcua.web.citizen;

import java.util.List;

/** A procedure as the catalogue pages show it. */
record ProcedureCard(String code, String name, String field, String agencyCode, String agencyName, int durationValue,
    String durationUnit, long feeVnd, String feeNote, String onlineLevel, boolean offeredOnline, String legalBasis,
    List<String> components) {
}
