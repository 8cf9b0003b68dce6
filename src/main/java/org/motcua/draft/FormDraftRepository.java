package org.motcua.draft;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FormDraftRepository extends JpaRepository<FormDraft, Long> {

  List<FormDraft> findByOwnerUsernameAndExpiresAtAfterOrderByUpdatedAtDesc(String ownerUsername, LocalDateTime now);

  long countByOwnerUsernameAndExpiresAtAfter(String ownerUsername, LocalDateTime now);

  @Modifying
  @Query("delete from FormDraft d where d.expiresAt <= ?1")
  int deleteExpired(LocalDateTime now);
}
