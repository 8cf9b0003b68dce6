package org.motcua.feedback;

import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;

/**
 * Who sees and who acts on a feedback: the citizen who wrote it; the officers of the responsible agency; supervisors
 * of that agency or one above it (read only); administrators (read only). Someone who may not see it gets the answer
 * for an id that does not exist.
 */
final class FeedbackAccess {

  private FeedbackAccess() {
  }

  static boolean canSee(MotcuaUser user, Feedback f) {
    return switch (user.role()) {
      case ADMIN -> true;
      case CITIZEN -> f.getCitizen().equals(user.username());
      case SUPERVISOR -> user.agencyCode() != null && f.getAgencyPath().contains("/" + user.agencyCode() + "/");
      case CLERK, SPECIALIST, LEADER -> f.getAgencyCode().equals(user.agencyCode());
    };
  }

  static void checkSee(MotcuaUser user, Feedback f) {
    if (!canSee(user, f)) {
      throw FeedbackRefusal.UNKNOWN_FEEDBACK.exception(String.valueOf(f.getId()));
    }
  }

  /** An officer of the responsible agency. */
  static void checkHandler(MotcuaUser user, Feedback f) {
    checkSee(user, f);
    if (!handles(user) || !f.getAgencyCode().equals(user.agencyCode())) {
      throw FeedbackRefusal.FEEDBACK_ACCESS_DENIED.exception(String.valueOf(f.getId()));
    }
  }

  /** A clerk, specialist or leader (supervisors read only). */
  static boolean handles(MotcuaUser user) {
    return user.is(Role.CLERK) || user.is(Role.SPECIALIST) || user.is(Role.LEADER);
  }

  /** The citizen who wrote it. */
  static void checkAuthor(MotcuaUser user, Feedback f) {
    checkSee(user, f);
    if (!user.is(Role.CITIZEN) || !f.getCitizen().equals(user.username())) {
      throw FeedbackRefusal.FEEDBACK_ACCESS_DENIED.exception(String.valueOf(f.getId()));
    }
  }
}
