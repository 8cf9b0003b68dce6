package org.motcua.outbox;

import org.motcua.dossier.DossierFacts;

/**
 * Something a feature adds to every status-change event, under its own name in the event's {@code data}: the
 * national portal's field set, for instance. Called in the dossier's transaction, so it sees the change.
 */
public interface EventDetails {

  /** The key in the event's {@code data}. */
  String name();

  /** The value, written as JSON; null leaves the key out. */
  Object describe(DossierFacts after);
}
