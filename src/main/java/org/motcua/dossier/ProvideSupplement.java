package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract.Messages;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nộp bổ sung: the applicant (online) or a clerk of the agency (at the counter) answers the supplement request
 * (form 02), with the missing file or not. Before reception the dossier goes back to reception; after it, handling
 * resumes and the appointment moves later by the working time the dossier waited.
 */
@Service
public class ProvideSupplement implements UseCase {

  private final DossierLookup lookup;
  private final DossierDocuments documents;
  private final Deadlines deadlines;
  private final DossierProcess process;
  private final Clock clock;

  ProvideSupplement(DossierLookup lookup, DossierDocuments documents, Deadlines deadlines, DossierProcess process,
      Clock clock) {
    this.lookup = lookup;
    this.documents = documents;
    this.deadlines = deadlines;
    this.process = process;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED,
        DossierRefusal.Reason.NO_SUPPLEMENT_REQUESTED);
  }

  /** The answer with the file it brings (one transaction: a refused file leaves the request unanswered). */
  @Transactional
  public Dossier provide(MotcuaUser user, String code, String note, Attachment file) {
    if (file != null) {
      documents.attach(user, code, List.of(file));
    }
    return provide(user, code, note);
  }

  @Transactional
  public Dossier provide(MotcuaUser user, String code, String note) {
    Dossier dossier = lookup.find(code);
    DossierAccess.checkOwnerOrClerk(user, dossier);
    dossier.supplementRefusal().ifPresent(DossierRefusal::raise);
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime newDue = dossier.isPaused()
        ? deadlines.afterPause(dossier.getDueAt(), dossier.getPausedAt(), now) : null;
    dossier.supplementProvided(now, Actor.of(user), note, newDue);
    lookup.save(dossier);
    if (newDue != null) {
      deadlines.resumeTimers(process, code, now, newDue);
    }
    process.correlate(Messages.SUPPLEMENT_PROVIDED, code, Map.of());
    return lookup.shown(dossier);
  }
}
