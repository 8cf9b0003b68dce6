package org.motcua.dossier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Saves a changed dossier: stores a new one, and hands what the dossier recorded ({@link DossierChanged}, one per
 * history line that changed its facts) to the listeners in the caller's transaction — the indicator counters, the
 * outbox and the metrics — then each history line written as a {@link DossierRecorded} (the applicant's
 * notifications). Every class that changes a dossier calls it (checked by ArchitectureTest).
 */
@Component
class DossierChanges {

  private final DossierRepository dossiers;
  private final ApplicationEventPublisher events;

  DossierChanges(DossierRepository dossiers, ApplicationEventPublisher events) {
    this.dossiers = dossiers;
    this.events = events;
  }

  Dossier save(Dossier dossier) {
    // A loaded dossier is managed: its fields are flushed at commit. Merging it again would walk its history.
    Dossier stored = dossier.getId() == null ? dossiers.save(dossier) : dossier;
    stored.takeRecordedChanges().forEach(events::publishEvent);
    stored.takeRecordedLines().forEach(events::publishEvent);
    return stored;
  }
}
