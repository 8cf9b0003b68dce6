package org.motcua.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DossierDocumentRepository extends JpaRepository<DossierDocument, Long> {

  // Written out rather than derived from the method name: Hibernate caches the SQL of a query string, while a
  // derived query is built anew as a criteria query and translated again at every call (a hot path).
  @Query("select d from DossierDocument d where d.dossier = :dossier order by d.id")
  List<DossierDocument> findByDossierOrderByIdAsc(Dossier dossier);

  @Query("select coalesce(sum(d.file.sizeBytes), 0) from DossierDocument d where d.dossier = :dossier")
  long totalBytes(Dossier dossier);

  /** The keys in [from, to): one range scan over {@code ix_document_storage_key} (the orphan sweep, per day). */
  @Query("select d.file.storageKey from DossierDocument d where d.file.storageKey >= :from and d.file.storageKey < :to")
  List<String> storageKeysBetween(String from, String to);
}
