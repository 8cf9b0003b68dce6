package org.motcua.dossier;

import org.motcua.process.DossierProcess;
import org.springframework.stereotype.Component;

/** Finding a dossier by its code, and loading what a use case's answer shows, for the use cases of this package. */
@Component
class DossierLookup {

  private final DossierRepository dossiers;
  private final DossierChanges changes;
  private final DossierProcess process;

  DossierLookup(DossierRepository dossiers, DossierChanges changes, DossierProcess process) {
    this.dossiers = dossiers;
    this.changes = changes;
    this.process = process;
  }

  /** The dossier, or 404 {@code UNKNOWN_DOSSIER}; access is the caller's to check next. */
  Dossier find(String code) {
    return dossiers.findByCode(code).orElseThrow(() -> DossierAccess.unknown(code));
  }

  /**
   * The dossier with its row locked until the transaction ends, so that two actions on one dossier (a double click,
   * two tabs, a browser's parallel uploads) happen one after the other and the second sees what the first did.
   */
  Dossier locked(String code) {
    return dossiers.lockByCode(code).orElseThrow(() -> DossierAccess.unknown(code));
  }

  /** Saves the dossier and publishes what it recorded (see {@link DossierChanges}). Call it after each change. */
  Dossier save(Dossier dossier) {
    return changes.save(dossier);
  }

  /**
   * What the answer to a change shows, loaded while its transaction is open: the history, and the process's open
   * steps as the change left them (the answer names the next step; reading them here saves a second transaction).
   */
  Dossier shown(Dossier dossier) {
    dossier.showOpenSteps(process.tasksOfDossier(dossier.getCode()));
    return withHistory(dossier);
  }

  /** Loads the history while the transaction is open: views are built after it ends. */
  static Dossier withHistory(Dossier dossier) {
    dossier.getHistory().size();
    dossier.getSteps().size();
    return dossier;
  }
}
