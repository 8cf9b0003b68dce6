package org.motcua.dossier;

import java.util.List;
import org.motcua.catalog.Catalog;
import org.motcua.process.DossierRoutes;
import org.springframework.stereotype.Component;

/**
 * The agencies a dossier's case consults (procedures.yml, {@code consultations}), for the consultation model. Read
 * when the specialist asks for the opinions, so a case changed at reception counts.
 */
@Component
class DossierConsultations implements DossierRoutes {

  private final DossierRepository dossiers;
  private final Catalog catalog;

  DossierConsultations(DossierRepository dossiers, Catalog catalog) {
    this.dossiers = dossiers;
    this.catalog = catalog;
  }

  @Override
  public List<Consultation> consultations(String dossierCode) {
    Dossier dossier = dossiers.findByCode(dossierCode)
        .orElseThrow(() -> new IllegalStateException("No dossier " + dossierCode + " for its process"));
    return catalog.caseOf(dossier.getProcedureCode(), dossier.getProcedureValidFrom(), dossier.getCaseCode())
        .map(kase -> kase.consultations().stream()
            .map(c -> new Consultation(c.agencyCode(), c.workingHours())).toList())
        .orElse(List.of());
  }
}
