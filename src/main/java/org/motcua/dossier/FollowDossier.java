package org.motcua.dossier;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.process.DossierProcess;
import org.motcua.process.WorkItem;
import org.motcua.security.MotcuaUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Theo dõi hồ sơ: the applicant follows their dossiers, officers their agency's, supervisors those below them; and
 * tra cứu hồ sơ, anyone holding a receipt follows that one dossier with the last digits of the applicant's phone.
 */
@Service
public class FollowDossier implements UseCase {

  private final DossierRepository dossiers;
  private final DossierLookup lookup;
  private final DossierProcess process;
  private final TrackingGuard trackingGuard;
  private final TransactionTemplate readOnly;

  FollowDossier(DossierRepository dossiers, DossierLookup lookup, DossierProcess process, TrackingGuard trackingGuard,
      PlatformTransactionManager transactions) {
    this.dossiers = dossiers;
    this.lookup = lookup;
    this.process = process;
    this.trackingGuard = trackingGuard;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER);
  }

  /** One dossier with its history, if the user may see it (else 404, as for a code nobody issued). */
  @Transactional(readOnly = true)
  public Dossier read(MotcuaUser user, String code) {
    Dossier dossier = lookup.find(code);
    DossierAccess.checkRead(user, dossier);
    return DossierLookup.withHistory(dossier);
  }

  /** The dossiers a user may follow: a citizen's own, an officer's agency's (a supervisor's subtree), or all. */
  @Transactional(readOnly = true)
  public Page<Dossier> list(MotcuaUser user, int page, int size) {
    PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100),
        Sort.by(Sort.Direction.DESC, "submittedAt", "id"));
    return switch (user.role()) {
      case ADMIN -> dossiers.findAll(request);
      case CITIZEN -> dossiers.findByOwnerUsername(user.username(), request);
      case SUPERVISOR -> dossiers.findWithinAgency(user.agencyCode(), request);
      // Officers handle their own agency's dossiers only, not those of the units below it (as DossierAccess rules).
      default -> dossiers.findByAgencyCode(user.agencyCode(), request);
    };
  }

  /** The process's open steps of a dossier the caller has already been allowed to read. */
  @Transactional(readOnly = true)
  public List<WorkItem> openSteps(String code) {
    return process.tasksOfDossier(code);
  }

  /**
   * Public tracking (tra cứu hồ sơ): anyone holding the receipt, with the last digits of the applicant's phone.
   * A wrong code and wrong digits look the same, so the answer does not reveal which codes exist. Each guess takes
   * its slot in the {@link TrackingGuard}'s counters before it is evaluated (per code and client address, per
   * address, per code), so the digits cannot be guessed even in parallel; a right answer gives the slots back.
   *
   * @param clientAddress the caller's address ({@code request.getRemoteAddr()}, after trusted proxies)
   */
  public Optional<Dossier> track(String code, String phoneLastDigits, String clientAddress) {
    // Not inside a transaction: the slots commit on their own connection first, and a request never holds two
    // connections at once (a burst of guesses must not exhaust the pool).
    var slots = trackingGuard.take(code, clientAddress);
    Optional<Dossier> found = readOnly.execute(status -> dossiers.findByCode(code)
        .filter(d -> phoneLastDigits != null && phoneLastDigits.length() >= 4 && d.getApplicant().getPhone() != null
            && d.getApplicant().getPhone().endsWith(phoneLastDigits))
        .map(DossierLookup::withHistory));
    if (found.isPresent()) {
      trackingGuard.giveBack(slots);
    }
    return found;
  }
}
