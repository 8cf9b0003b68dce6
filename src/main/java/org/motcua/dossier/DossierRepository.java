package org.motcua.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DossierRepository extends JpaRepository<Dossier, Long> {

  Optional<Dossier> findByCode(String code);

  @Query("select count(d) from Dossier d where d.endedAt is null and d.dueAt < :now")
  long countOverdueInProgress(java.time.LocalDateTime now);

  List<Dossier> findByCodeIn(Collection<String> codes);

  Page<Dossier> findByOwnerUsername(String ownerUsername, Pageable pageable);

  Page<Dossier> findByAgencyCode(String agencyCode, Pageable pageable);

  @Query("select d from Dossier d where d.agencyPath like concat('%/', :agencyCode, '/%')")
  Page<Dossier> findWithinAgency(String agencyCode, Pageable pageable);

  @Query("select d from Dossier d where d.agencyPath like concat('%/', :agencyCode, '/%')"
      + " and d.receivedAt >= :from and d.receivedAt < :to")
  List<Dossier> findReceivedWithin(String agencyCode, java.time.LocalDateTime from, java.time.LocalDateTime to,
      Pageable page);
}
