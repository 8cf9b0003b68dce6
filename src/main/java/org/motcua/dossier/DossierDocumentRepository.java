package org.motcua.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DossierDocumentRepository extends JpaRepository<DossierDocument, Long> {

  List<DossierDocument> findByDossierOrderByIdAsc(Dossier dossier);

  @Query("select coalesce(sum(d.sizeBytes), 0) from DossierDocument d where d.dossier = :dossier")
  long totalBytes(Dossier dossier);
}
