package org.motcua.dossier;

import java.time.LocalDateTime;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the feedback feature (phản ánh, kiến nghị, {@code org.motcua.feedback}) asks of a dossier: whether the citizen
 * may write about it, and which agency answers; and the two facts feedback adds to the dossier for the satisfaction
 * indicator (written, rejected), recorded as history lines so that the counters follow them ({@link DossierChanged}).
 */
@Service
public class DossierFeedback {

  /** The dossier a feedback is about, as the feedback keeps it. */
  public record Subject(String code, String procedureCode, String agencyCode, String agencyPath) {
  }

  private final DossierLookup lookup;

  DossierFeedback(DossierLookup lookup) {
    this.lookup = lookup;
  }

  /**
   * The dossier, if {@code citizen} is its applicant; otherwise 404 {@code UNKNOWN_DOSSIER}, as for a code nobody
   * issued (a citizen cannot tell another's dossier exists).
   */
  @Transactional(readOnly = true)
  public Subject ownDossier(MotcuaUser citizen, String code) {
    Dossier dossier = lookup.find(code);
    if (!DossierAccess.isOwner(citizen, dossier)) {
      throw DossierAccess.unknown(code);
    }
    return new Subject(dossier.getCode(), dossier.getProcedureCode(), dossier.getAgencyCode(),
        dossier.getAgencyPath());
  }

  /** Records that a feedback about the dossier was written; in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void written(String code, LocalDateTime at, MotcuaUser citizen, String title) {
    Dossier dossier = lookup.locked(code);
    dossier.feedbackWritten(at, Actor.of(citizen), title);
    lookup.save(dossier);
  }

  /** Records that the agency rejected a feedback about the dossier; in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void rejected(String code, LocalDateTime at, MotcuaUser officer, String reason) {
    Dossier dossier = lookup.locked(code);
    dossier.feedbackRejected(at, Actor.of(officer), reason);
    lookup.save(dossier);
  }
}
