package org.motcua.feedback;

import java.util.List;
import java.util.Set;
import org.motcua.catalog.Catalog;
import org.motcua.common.AnyRequestRefusal;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading feedback: a citizen their own, an officer their agency's, a supervisor their agency's subtree, an
 * administrator all; newest first, in pages. Supervisors (and administrators) also list the overdue ones.
 */
@Service
public class FollowFeedback implements UseCase {

  /** The longest page. */
  static final int MAX_PAGE = 100;
  private static final Set<FeedbackState> OPEN = Set.of(FeedbackState.SUBMITTED,
      FeedbackState.INFORMATION_REQUESTED, FeedbackState.INFORMATION_PROVIDED);

  /** One page of feedback, and how many there are in all. */
  public record FeedbackPage(long total, int page, int size, List<FeedbackView> items) {
  }

  private final FeedbackRepository feedback;
  private final FeedbackLookup lookup;
  private final Catalog catalog;

  FollowFeedback(FeedbackRepository feedback, FeedbackLookup lookup, Catalog catalog) {
    this.feedback = feedback;
    this.lookup = lookup;
    this.catalog = catalog;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(FeedbackRefusal.UNKNOWN_FEEDBACK, FeedbackRefusal.FEEDBACK_SCOPE_DENIED,
        AnyRequestRefusal.ACCESS_DENIED);
  }

  @Transactional(readOnly = true)
  public FeedbackView read(MotcuaUser user, long id) {
    Feedback f = lookup.find(id);
    FeedbackAccess.checkSee(user, f);
    return lookup.view(f, true);
  }

  @Transactional(readOnly = true)
  public FeedbackPage list(MotcuaUser user, int page, int size) {
    PageRequest request = request(page, size);
    Page<Feedback> found = switch (user.role()) {
      case CITIZEN -> feedback.findByCitizen(user.username(), request);
      case CLERK, SPECIALIST, LEADER -> feedback.findByAgencyCode(user.agencyCode(), request);
      case SUPERVISOR -> feedback.findByAgencyPathLike("%/" + user.agencyCode() + "/%", request);
      case ADMIN -> feedback.findByAgencyPathLike("%", request);
    };
    return page(found);
  }

  /**
   * Overdue feedback in a supervisor's scope (their agency, or {@code agency} below it), or anywhere for an
   * administrator: late (an action after its deadline) or still open past its answer deadline.
   */
  @Transactional(readOnly = true)
  public FeedbackPage overdue(MotcuaUser user, String agency, int page, int size) {
    return page(feedback.overdue(pattern(user, agency), OPEN, lookup.now(), request(page, size)));
  }

  /** How many feedbacks are overdue in the scope (the dashboard's figure). */
  @Transactional(readOnly = true)
  public long countOverdue(MotcuaUser user, String agency) {
    return feedback.countOverdue(pattern(user, agency), OPEN, lookup.now());
  }

  private String pattern(MotcuaUser user, String agency) {
    String a = agency == null || agency.isBlank() ? null : agency.trim();
    if (user.is(Role.ADMIN)) {
      return a == null ? "%" : "%/" + a + "/%";
    }
    if (!user.is(Role.SUPERVISOR)) {
      throw AnyRequestRefusal.ACCESS_DENIED.exception();
    }
    if (a == null) {
      return "%/" + user.agencyCode() + "/%";
    }
    if (!catalog.isWithin(a, user.agencyCode())) {
      throw FeedbackRefusal.FEEDBACK_SCOPE_DENIED.exception(a);
    }
    return "%/" + a + "/%";
  }

  private static PageRequest request(int page, int size) {
    return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE),
        Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by(Sort.Direction.DESC, "id")));
  }

  private FeedbackPage page(Page<Feedback> found) {
    return new FeedbackPage(found.getTotalElements(), found.getNumber(), found.getSize(),
        found.getContent().stream().map(f -> lookup.view(f, false)).toList());
  }
}
