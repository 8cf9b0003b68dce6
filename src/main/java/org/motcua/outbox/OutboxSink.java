package org.motcua.outbox;

/** Where the relay delivers integration events. Returning normally means the receiver has the event. */
public interface OutboxSink {

  void deliver(OutboxMessage message) throws Exception;
}
