package org.motcua.dossier;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.motcua.document.StoredFileOwner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stored files dossiers' documents point at (their components, stage results and e-results). */
@Component
class DossierDocumentKeys implements StoredFileOwner {

  private final DossierDocumentRepository documents;

  DossierDocumentKeys(DossierDocumentRepository documents) {
    this.documents = documents;
  }

  @Override
  @Transactional(readOnly = true)
  public Set<String> keysOfDay(LocalDate day) {
    String[] range = StoredFileOwner.keyRange(day);
    return new HashSet<>(documents.storageKeysBetween(range[0], range[1]));
  }
}
