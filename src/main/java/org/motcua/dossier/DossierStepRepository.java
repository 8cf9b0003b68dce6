package org.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DossierStepRepository extends JpaRepository<DossierStep, Long> {

  Optional<DossierStep> findByTaskId(String taskId);

  /** Which of these tasks' steps were warned (their share of the budget has passed): the inbox says so. */
  @Query("select s.taskId from DossierStep s where s.taskId in :taskIds and s.warnedAt is not null")
  List<String> warnedAmong(java.util.Collection<String> taskIds);

  /** Open steps whose warning instant has come and that were neither warned nor escalated yet. */
  @Query("select s.id from DossierStep s where s.endedAt is null and s.warnedAt is null and s.escalatedAt is null"
      + " and s.warnAt <= :now order by s.warnAt")
  List<Long> dueForWarning(LocalDateTime now, Pageable page);

  /** Open steps past their due instant and not escalated yet. */
  @Query("select s.id from DossierStep s where s.endedAt is null and s.escalatedAt is null and s.dueAt < :now"
      + " order by s.dueAt")
  List<Long> dueForEscalation(LocalDateTime now, Pageable page);

  /** {@link #dueForWarning} of one dossier's steps only. */
  @Query("select s.id from DossierStep s where s.dossierCode = :code and s.endedAt is null and s.warnedAt is null"
      + " and s.escalatedAt is null and s.warnAt <= :now order by s.warnAt")
  List<Long> dueForWarningOf(String code, LocalDateTime now, Pageable page);

  /** {@link #dueForEscalation} of one dossier's steps only. */
  @Query("select s.id from DossierStep s where s.dossierCode = :code and s.endedAt is null and s.escalatedAt is null"
      + " and s.dueAt < :now order by s.dueAt")
  List<Long> dueForEscalationOf(String code, LocalDateTime now, Pageable page);

  /** Takes the warning of one step: 1 for the node that took it, 0 when another node (or an earlier sweep) did. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update DossierStep s set s.warnedAt = :now where s.id = :id and s.warnedAt is null and s.endedAt is null")
  int takeWarning(Long id, LocalDateTime now);

  /** Takes the escalation of one step, as {@link #takeWarning}. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update DossierStep s set s.escalatedAt = :now, s.escalatedTo = :group"
      + " where s.id = :id and s.escalatedAt is null and s.endedAt is null")
  int takeEscalation(Long id, LocalDateTime now, String group);

  /** Open steps past their due instant whose agency path matches the pattern, most overdue first. */
  @Query("select s from DossierStep s where s.endedAt is null and s.dueAt < :now and s.agencyPath like :pattern"
      + " order by s.dueAt, s.id")
  List<DossierStep> overrunning(LocalDateTime now, String pattern, Pageable page);
}
