package org.motcua.dossier;

import org.motcua.common.ApiException;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;

/**
 * Who may see a dossier: its owner, officers of its agency (and of the agencies its inter-agency stages reached),
 * supervisors above it, admins. Access is checked before
 * anything about the dossier's state, and a caller who may not see a dossier gets exactly the answer for a code that
 * does not exist (404 {@code UNKNOWN_DOSSIER}): neither the status nor the body tells which codes exist, nor what
 * state they are in. A caller who may see it but not do the action asked gets 403 {@code DOSSIER_ACCESS_DENIED}.
 */
final class DossierAccess {

  private DossierAccess() {
  }

  static boolean canRead(MotcuaUser user, Dossier dossier) {
    return switch (user.role()) {
      case ADMIN -> true;
      case CITIZEN -> dossier.isOwnedBy(user.username());
      case SUPERVISOR -> dossier.getAgencyPath().contains("/" + user.agencyCode() + "/")
          || dossier.reachedWithin(user.agencyCode());
      // An inter-agency dossier is read by the officers of every agency a stage has reached (acting only through
      // the tasks their stage offers them).
      case CLERK, SPECIALIST, LEADER -> dossier.getAgencyCode().equals(user.agencyCode())
          || dossier.reachedAgency(user.agencyCode());
    };
  }

  /** The answer for a code nobody issued, also given for a dossier the caller may not see. */
  static ApiException unknown(String code) {
    return AccessRefusal.UNKNOWN_DOSSIER.exception(code);
  }

  static void checkRead(MotcuaUser user, Dossier dossier) {
    if (!canRead(user, dossier)) {
      throw unknown(dossier.getCode());
    }
  }

  /** The officers handling the dossier: those of its own agency. */
  static boolean handles(MotcuaUser user, Dossier dossier) {
    return (user.is(Role.CLERK) || user.is(Role.SPECIALIST) || user.is(Role.LEADER))
        && dossier.getAgencyCode().equals(user.agencyCode());
  }

  /** The applicant online, or a one-stop clerk of the dossier's agency at the counter. */
  static void checkOwnerOrClerk(MotcuaUser user, Dossier dossier) {
    checkRead(user, dossier);
    if (!isOwner(user, dossier) && !isClerk(user, dossier)) {
      throw denied(dossier);
    }
  }

  static void checkOwner(MotcuaUser user, Dossier dossier) {
    checkRead(user, dossier);
    if (!isOwner(user, dossier)) {
      throw denied(dossier);
    }
  }

  /** A one-stop clerk of the dossier's agency (payments at the counter, exemptions). */
  static void checkClerk(MotcuaUser user, Dossier dossier) {
    checkRead(user, dossier);
    if (!isClerk(user, dossier)) {
      throw denied(dossier);
    }
  }

  /** An officer of the dossier's agency (the e-result). */
  static void checkHandler(MotcuaUser user, Dossier dossier) {
    checkRead(user, dossier);
    if (!handles(user, dossier)) {
      throw denied(dossier);
    }
  }

  /** An officer of the agency handling the inter-agency stage the dossier is in (its stage result). */
  static void checkStageHandler(MotcuaUser user, Dossier dossier) {
    checkRead(user, dossier);
    boolean officer = user.is(Role.CLERK) || user.is(Role.SPECIALIST) || user.is(Role.LEADER);
    if (!officer || dossier.getStageAgencyCode() == null || !dossier.getStageAgencyCode().equals(user.agencyCode())) {
      throw denied(dossier);
    }
  }

  /** The applicant, an officer handling the dossier, or an admin (files, reuse offers). */
  static void checkApplicantOrHandler(MotcuaUser user, Dossier dossier) {
    checkRead(user, dossier);
    if (!isOwner(user, dossier) && !handles(user, dossier) && !user.is(Role.ADMIN)) {
      throw denied(dossier);
    }
  }

  /**
   * Who downloads a dossier's files: the applicant, an officer handling it, an officer of an agency one of its
   * inter-agency stages reached (the files and the stage results are handed on with the dossier), or an admin.
   */
  static void checkFileReader(MotcuaUser user, Dossier dossier) {
    checkRead(user, dossier);
    boolean stageOfficer = (user.is(Role.CLERK) || user.is(Role.SPECIALIST) || user.is(Role.LEADER))
        && dossier.reachedAgency(user.agencyCode());
    if (!isOwner(user, dossier) && !handles(user, dossier) && !stageOfficer && !user.is(Role.ADMIN)) {
      throw denied(dossier);
    }
  }

  static boolean isOwner(MotcuaUser user, Dossier dossier) {
    return user.is(Role.CITIZEN) && dossier.isOwnedBy(user.username());
  }

  static boolean isClerk(MotcuaUser user, Dossier dossier) {
    return user.is(Role.CLERK) && dossier.getAgencyCode().equals(user.agencyCode());
  }

  private static ApiException denied(Dossier dossier) {
    return AccessRefusal.DOSSIER_ACCESS_DENIED.exception(dossier.getCode());
  }
}
