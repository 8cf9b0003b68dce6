package org.motcua.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The outbox's settings, its backlog metric, and the scheduled relay every node runs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfig {

  /**
   * Status changes ({@code dossier.status-changed}) go to the configured HTTP endpoint (the national portal's sync),
   * or to the log without one.
   */
  @Bean
  OutboxSink.ForTopic statusChangedSink(OutboxProperties properties) {
    return new TopicSink(OutboxWriter.STATUS_CHANGED, portalEndpoint(properties));
  }

  /** Changes that keep the status ({@code dossier.updated}) go to the same endpoint: the portal orders by sequence. */
  @Bean
  OutboxSink.ForTopic updatedSink(OutboxProperties properties) {
    return new TopicSink(OutboxWriter.UPDATED, portalEndpoint(properties));
  }

  private static OutboxSink portalEndpoint(OutboxProperties properties) {
    return properties.http().url() == null ? new LogSink() : new HttpSink(properties.http());
  }

  /** A sink serving one topic. */
  record TopicSink(String topic, OutboxSink sink) implements OutboxSink.ForTopic {

    @Override
    public void deliver(OutboxMessage message) throws Exception {
      sink.deliver(message);
    }
  }

  @Bean
  Gauge outboxDeadLetters(MeterRegistry registry, JdbcTemplate jdbc) {
    return Gauge.builder("motcua.outbox.dead",
            () -> jdbc.queryForObject("select count(*) from outbox_event where dead_at is not null", Long.class))
        .description("Integration events given up after motcua.outbox.give-up-after, waiting for a resend")
        .register(registry);
  }

  @Bean
  Gauge outboxBacklog(MeterRegistry registry, JdbcTemplate jdbc) {
    return Gauge.builder("motcua.outbox.pending",
            () -> jdbc.queryForObject("select count(*) from outbox_event where delivered_at is null"
                + " and dead_at is null", Long.class))
        .description("Integration events written but not yet delivered")
        .register(registry);
  }

  /** Runs the relay every {@code motcua.outbox.poll-interval}; off with {@code motcua.outbox.relay-enabled=false}. */
  @Component
  @EnableScheduling
  @ConditionalOnProperty(name = "motcua.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
  static class ScheduledRelay {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRelay.class);

    private final OutboxRelay relay;

    ScheduledRelay(OutboxRelay relay) {
      this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${motcua.outbox.poll-interval:PT1S}", initialDelayString = "PT5S")
    void run() {
      try {
        while (relay.relayOnce() > 0) {
          // keep going while there is a backlog
        }
      } catch (RuntimeException e) {
        // The database may be away for a while; the next round tries again.
        log.warn("Outbox relay round failed: {}", e.toString());
      }
    }
  }
}
