package org.motcua.dossier;

import org.motcua.common.ApiException;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;

/** Who may see a dossier: its owner, officers of its agency, supervisors above it, admins. */
final class DossierAccess {

  private DossierAccess() {
  }

  static boolean canRead(MotcuaUser user, Dossier dossier) {
    return switch (user.role()) {
      case ADMIN -> true;
      case CITIZEN -> dossier.isOwnedBy(user.username());
      case SUPERVISOR -> dossier.getAgencyPath().contains("/" + user.agencyCode() + "/");
      case CLERK, SPECIALIST, LEADER -> dossier.getAgencyCode().equals(user.agencyCode());
    };
  }

  static void checkRead(MotcuaUser user, Dossier dossier) {
    if (!canRead(user, dossier)) {
      throw ApiException.forbidden("DOSSIER_ACCESS_DENIED", dossier.getCode());
    }
  }

  /** The officers handling the dossier: those of its own agency. */
  static boolean handles(MotcuaUser user, Dossier dossier) {
    return (user.is(Role.CLERK) || user.is(Role.SPECIALIST) || user.is(Role.LEADER))
        && dossier.getAgencyCode().equals(user.agencyCode());
  }

  /** The applicant online, or a one-stop clerk of the dossier's agency at the counter. */
  static void checkOwnerOrClerk(MotcuaUser user, Dossier dossier) {
    boolean owner = user.is(Role.CITIZEN) && dossier.isOwnedBy(user.username());
    boolean clerk = user.is(Role.CLERK) && dossier.getAgencyCode().equals(user.agencyCode());
    if (!owner && !clerk) {
      throw ApiException.forbidden("DOSSIER_ACCESS_DENIED", dossier.getCode());
    }
  }

  static void checkOwner(MotcuaUser user, Dossier dossier) {
    if (!user.is(Role.CITIZEN) || !dossier.isOwnedBy(user.username())) {
      throw ApiException.forbidden("DOSSIER_ACCESS_DENIED", dossier.getCode());
    }
  }
}
