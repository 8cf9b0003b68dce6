package org.motcua.dossier;

/**
 * Published synchronously, inside the transaction that changed the dossier, after every state change.
 * Listeners (reporting aggregates) therefore commit or roll back together with the dossier: nothing is lost or
 * counted twice.
 *
 * @param before null when the dossier was just created
 */
public record DossierChanged(DossierFacts before, DossierFacts after) {
}
