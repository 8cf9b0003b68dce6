package org.motcua.feedback;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FeedbackRepository extends JpaRepository<Feedback, Long> {

  Page<Feedback> findByCitizen(String citizen, Pageable page);

  Page<Feedback> findByAgencyCode(String agencyCode, Pageable page);

  @Query("select f from Feedback f where f.agencyPath like :pattern")
  Page<Feedback> findByAgencyPathLike(@Param("pattern") String pattern, Pageable page);

  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select f from Feedback f where f.id = :id")
  Optional<Feedback> lockById(@Param("id") long id);

  /** Overdue at {@code now}: late, or open past the answer deadline; within the path pattern. */
  @Query("""
      select f from Feedback f where f.agencyPath like :pattern
        and (f.late = true or (f.state in :open and f.answerDue < :now))""")
  Page<Feedback> overdue(@Param("pattern") String pattern, @Param("open") Collection<FeedbackState> open,
      @Param("now") LocalDateTime now, Pageable page);

  @Query("""
      select count(f) from Feedback f where f.agencyPath like :pattern
        and (f.late = true or (f.state in :open and f.answerDue < :now))""")
  long countOverdue(@Param("pattern") String pattern, @Param("open") Collection<FeedbackState> open,
      @Param("now") LocalDateTime now);
}
