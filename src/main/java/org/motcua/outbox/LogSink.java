package org.motcua.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default sink when no receiving endpoint is configured: each event is written to the log, once delivered. */
class LogSink implements OutboxSink {

  private static final Logger log = LoggerFactory.getLogger(LogSink.class);

  @Override
  public void deliver(OutboxMessage message) {
    log.info("Integration event {} #{} {} for {}: {}", message.topic(), message.sequence(), message.key(),
        message.dossierCode(), message.payload());
  }
}
