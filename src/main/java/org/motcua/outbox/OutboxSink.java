package org.motcua.outbox;

/** Where the relay delivers integration events. Returning normally means the receiver has the event. */
public interface OutboxSink {

  void deliver(OutboxMessage message) throws Exception;

  /**
   * A sink that serves one topic: a Spring bean of this type receives every row of its topic (the relay routes by
   * the row's {@code topic}; two beans for one topic fail the start). A row whose topic no bean serves fails like a
   * refused delivery and ends among the dead letters.
   */
  interface ForTopic extends OutboxSink {

    String topic();
  }
}
