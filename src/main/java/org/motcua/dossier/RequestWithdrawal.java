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
 * Yêu cầu rút hồ sơ: the applicant asks to withdraw a dossier not yet decided. It waits in status 7 until a clerk
 * confirms (status 8) or refuses in their inbox; meanwhile no other step of it may be decided.
 */
@Service
public class RequestWithdrawal implements UseCase {

  private final DossierLookup lookup;
  private final DossierProcess process;
  private final Clock clock;

  RequestWithdrawal(DossierLookup lookup, DossierProcess process, Clock clock) {
    this.lookup = lookup;
    this.process = process;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED,
        DossierRefusal.Reason.WITHDRAWAL_NOT_ALLOWED);
  }

  @Transactional
  public Dossier request(MotcuaUser citizen, String code, String reason) {
    Dossier dossier = lookup.find(code);
    DossierAccess.checkOwner(citizen, dossier);
    dossier.withdrawalRefusal().ifPresent(DossierRefusal::raise);
    dossier.requestWithdrawal(LocalDateTime.now(clock), Actor.of(citizen), reason.trim());
    lookup.save(dossier);
    process.correlate(Messages.WITHDRAWAL_REQUESTED, code, Map.of());
    return lookup.shown(dossier);
  }
}
