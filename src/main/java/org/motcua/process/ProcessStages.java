package org.motcua.process;

import java.util.Map;

/**
 * The stages of a chain model (quy trình liên thông) as the catalogue gives them for a dossier; implemented by the
 * dossier feature, called by the model through {@link ProcessContract.Stages#LISTENER}, inside the engine's
 * transaction.
 */
public interface ProcessStages {

  /** How many stages the dossier's procedure case lists. */
  int count(String dossierCode);

  /**
   * The dossier enters stage {@code index} (from 0): the dossier records where it is now, and the answer is the
   * stage scope's variables (its agency, its step budgets, {@link ProcessContract.Variables#STAGE_OBLIGATION}).
   */
  Map<String, Object> enter(String dossierCode, int index);

  /** The stage ended with its leader's decision (approved, or refused: the chain stops). */
  void leave(String dossierCode, int index, String decision);
}
