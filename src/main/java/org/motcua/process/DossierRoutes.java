package org.motcua.process;

import java.util.List;

/**
 * Implemented by the dossier feature: where a dossier's route goes beyond its own agency, as its procedure case in
 * the catalogue says. The models read it through the bean {@link ProcessContract#ROUTES} (e.g. the agencies the
 * model {@code dossier-consultation} asks for an opinion, all at once).
 */
public interface DossierRoutes {

  /**
   * Xin ý kiến: the agencies the dossier's case consults, in the catalogue's order, each with the working hours it
   * has to answer; empty when the case consults none.
   */
  List<Consultation> consultations(String dossierCode);

  /** One consulted agency (mã cơ quan) and its budget in working hours. */
  record Consultation(String agencyCode, int workingHours) {
  }
}
