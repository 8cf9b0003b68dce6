package org.motcua.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.outbox.*}: how integration events leave motcua.
 *
 * @param relayEnabled  whether this node runs the relay on a schedule (every node may: rows are claimed with
 *                      {@code SKIP LOCKED})
 * @param pollInterval  how often the relay looks for due rows
 * @param batchSize     rows claimed per round
 * @param maxBackoff    the longest wait before another attempt after failures (doubling from 5 seconds)
 * @param giveUpAfter   how long a row is retried, from its creation (or its last resend by an administrator):
 *                      a row still failing after that is a dead letter, tried no more
 * @param topics        per topic (key: the topic, e.g. {@code "[notification.sms]"}), settings that differ
 * @param http          the national portal's receiving endpoint; without a URL events go to the log
 */
@ConfigurationProperties("motcua.outbox")
public record OutboxProperties(Boolean relayEnabled, Duration pollInterval, Integer batchSize, Duration maxBackoff,
    Duration giveUpAfter, Map<String, Topic> topics, Http http) {

  public OutboxProperties {
    relayEnabled = relayEnabled == null || relayEnabled;
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    batchSize = batchSize == null ? 50 : batchSize;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
    giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
    topics = topics == null ? Map.of() : Map.copyOf(topics);
    http = http == null ? new Http(null, null, null) : http;
  }

  /** How long rows of the topic are retried before they are dead letters. */
  public Duration giveUpAfter(String topic) {
    Topic own = topics.get(topic);
    return own == null || own.giveUpAfter() == null ? giveUpAfter : own.giveUpAfter();
  }

  /** @param giveUpAfter this topic's {@code give-up-after}; empty = the general one */
  public record Topic(Duration giveUpAfter) {
  }

  /**
   * @param url     where events are POSTed (JSON, header {@code Idempotency-Key}); empty = log sink
   * @param token   sent as {@code Authorization: Bearer …} when set
   * @param timeout connect and response timeout of one delivery
   */
  public record Http(URI url, String token, Duration timeout) {

    public Http {
      timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
  }
}
