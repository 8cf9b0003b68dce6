package org.motcua.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default sink when no receiving endpoint is configured: each event is written to the log, once delivered. */
class LogSink implements OutboxSink {

  private static final Logger log = LoggerFactory.getLogger(LogSink.class);

  @Override
  public void deliver(OutboxMessage message) {
    // Not the payload: it carries the applicant's name, identity number and declaration (personal data).
    log.info("Integration event {} #{} {} for {} ({} characters, no receiver configured)", message.topic(),
        message.sequence(), message.key(), message.dossierCode(), message.payload().length());
  }
}
