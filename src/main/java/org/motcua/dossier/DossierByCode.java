package org.motcua.dossier;

import java.util.Optional;

/** Looking a dossier up by its code (mã hồ sơ), the way every request and every process milestone starts. */
interface DossierByCode {

  /**
   * The dossier with this code. The code is the dossier's natural id: a dossier already loaded in this transaction
   * is returned as it is, without a query and without flushing pending changes first (a process milestone runs
   * inside the request that loaded the dossier); otherwise one select by code.
   */
  Optional<Dossier> findByCode(String code);
}
