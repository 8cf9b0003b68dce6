package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
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
 * Thực hiện nghĩa vụ tài chính: the applicant (online) or a one-stop clerk of the receiving agency (shown the
 * receipt at the counter) records that the notice another agency issued — e.g. the tax authority's notice on a land
 * registration — is paid. The time the applicant took is not counted: the appointment moves later by the working
 * time the dossier waited, and the next stage starts.
 */
@Service
public class FulfilObligation implements UseCase {

  private final DossierLookup lookup;
  private final Deadlines deadlines;
  private final DossierProcess process;
  private final Clock clock;

  FulfilObligation(DossierLookup lookup, Deadlines deadlines, DossierProcess process, Clock clock) {
    this.lookup = lookup;
    this.deadlines = deadlines;
    this.process = process;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED,
        DossierRefusal.Reason.NO_OBLIGATION_PENDING);
  }

  /** {@code receipt}: what proves the payment (the treasury receipt's number), kept on the history line. */
  @Transactional
  public Dossier fulfil(MotcuaUser user, String code, String receipt) {
    Dossier dossier = lookup.locked(code);
    DossierAccess.checkOwnerOrClerk(user, dossier);
    dossier.obligationRefusal().ifPresent(DossierRefusal::raise);
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime newDue = deadlines.afterPause(dossier.getDueAt(), dossier.getPausedAt(), now);
    dossier.obligationFulfilled(now, Actor.of(user), receipt, newDue);
    lookup.save(dossier);
    deadlines.resumeTimers(process, code, now, newDue);
    process.correlate(Messages.OBLIGATION_FULFILLED, code, Map.of());
    return lookup.shown(dossier);
  }
}
