package org.motcua.dossier;

import java.util.Collection;
import java.util.List;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DossierRepository extends JpaRepository<Dossier, Long>, DossierByCode {

  /**
   * The dossier with its row locked until the transaction ends, so that two officers' actions on one dossier (a double
   * click, two tabs) happen one after the other and the second sees what the first did.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Dossier d where d.code = :code")
  Optional<Dossier> lockByCode(String code);

  @Query("select count(d) from Dossier d where d.endedAt is null and d.dueAt < :now")
  long countOverdueInProgress(java.time.LocalDateTime now);

  List<Dossier> findByCodeIn(Collection<String> codes);

  Page<Dossier> findByOwnerUsername(String ownerUsername, Pageable pageable);

  Page<Dossier> findByAgencyCode(String agencyCode, Pageable pageable);

  @Query("select d from Dossier d where d.agencyPath like concat('%/', :agencyCode, '/%')")
  Page<Dossier> findWithinAgency(String agencyCode, Pageable pageable);

  /** Received by the agency or any unit below it (a supervisor's register). */
  @Query("select d from Dossier d where d.agencyPath like concat('%/', :agencyCode, '/%')"
      + " and d.receivedAt >= :from and d.receivedAt < :to")
  List<Dossier> findReceivedWithin(String agencyCode, java.time.LocalDateTime from, java.time.LocalDateTime to,
      Pageable page);

  /** Received by this agency itself (an officer's register). */
  @Query("select d from Dossier d where d.agencyCode = :agencyCode and d.receivedAt >= :from and d.receivedAt < :to")
  List<Dossier> findReceivedBy(String agencyCode, java.time.LocalDateTime from, java.time.LocalDateTime to,
      Pageable page);
}
