package org.motcua.dossier;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Read access for features that describe a whole dossier to someone else (the national portal's sync): the dossier
 * as it stands in the caller's transaction, with its documents. No access check: callers are not requests.
 */
@Component
public class DossierRecords {

  private final DossierRepository dossiers;
  private final DossierDocumentRepository documents;

  DossierRecords(DossierRepository dossiers, DossierDocumentRepository documents) {
    this.dossiers = dossiers;
    this.documents = documents;
  }

  /** The dossier with this code, as already loaded in this transaction if it is (no flush, no second copy). */
  public Optional<Dossier> find(String code) {
    return dossiers.findByCode(code);
  }

  /** What the reports (and the outbox's events) know of the dossier as it stands now. */
  public DossierFacts facts(Dossier dossier) {
    return DossierFacts.of(dossier);
  }

  /** Its component, result and stage files in the order they came. */
  public List<DossierDocument> documents(Dossier dossier) {
    return documents.findByDossierOrderByIdAsc(dossier);
  }
}
