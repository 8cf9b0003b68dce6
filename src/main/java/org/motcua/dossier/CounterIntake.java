package org.motcua.dossier;

import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tiếp nhận tại quầy: the clerk enters the paper dossier and, when its fee is due at submission, takes the fee in the
 * same step. One transaction: a refused payment leaves no dossier behind.
 */
@Service
public class CounterIntake {

  private final DossierService dossiers;
  private final DossierPayments payments;

  CounterIntake(DossierService dossiers, DossierPayments payments) {
    this.dossiers = dossiers;
    this.payments = payments;
  }

  @Transactional
  public Dossier enter(MotcuaUser clerk, DossierRequests.EnterDossier request) {
    Dossier dossier = dossiers.enterAtCounter(clerk, request);
    if (request.fee() == null) {
      return dossier;
    }
    payments.settleAtIntake(clerk, dossier, request.fee());
    // Settling clears the persistence context (a bulk update): read the dossier as the process left it.
    return dossiers.find(dossier.getCode());
  }
}
