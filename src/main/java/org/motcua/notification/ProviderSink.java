package org.motcua.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.motcua.outbox.OutboxMessage;
import org.motcua.outbox.OutboxSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an SMS or a Zalo ZNS message of an outbox row to the channel's provider: a JSON POST to its URL with
 * {@code Authorization: Bearer <token>} and the event's {@code Idempotency-Key} (the same at every attempt: the
 * provider drops a key it has seen). Any 2xx is accepted; anything else, or no answer in time, fails the attempt and
 * the outbox tries again later. Without a URL the message is written to the log and counts as sent.
 *
 * <p>SMS body: {@code {"key","channel":"SMS","to","text","dossierCode"}}. Zalo ZNS body:
 * {@code {"key","channel":"ZALO","phone","template_id","template_data":{…},"tracking_id","text","dossierCode"}}
 * ({@code template_data}: the template's placeholders and their values).
 */
class ProviderSink implements OutboxSink.ForTopic {

  private static final Logger log = LoggerFactory.getLogger(ProviderSink.class);

  private final NotificationChannel channel;
  /** The demo profile only: without a provider the message goes to the log and counts as sent. */
  private final boolean logWithoutProvider;
  private final NotificationProperties.Provider config;
  private final NotificationMessages messages;
  private final ObjectMapper json;
  private final HttpClient client;

  ProviderSink(NotificationChannel channel, NotificationProperties.Provider config, NotificationMessages messages,
      ObjectMapper json, boolean logWithoutProvider) {
    this.logWithoutProvider = logWithoutProvider;
    this.channel = channel;
    this.config = config;
    this.messages = messages;
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  @Override
  public String topic() {
    return channel.topic();
  }

  @Override
  public void deliver(OutboxMessage event) throws IOException, InterruptedException {
    if (config.url() == null && !logWithoutProvider) {
      throw new IOException("No " + channel + " provider configured: message " + event.key() + " not sent");
    }
    NotificationMessages.Message message = messageOf(event, messages);
    if (config.url() == null) {
      log.info("{} {} to {} (no provider configured): {}", channel, event.key(), message.recipient(),
          message.body());
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", event.key());
    body.put("channel", channel.name());
    if (channel == NotificationChannel.ZALO) {
      body.put("phone", message.recipient());
      body.put("template_id", message.templateId());
      body.put("template_data", message.templateData() == null ? Map.of()
          : json.readValue(message.templateData(), Map.class));
      body.put("tracking_id", event.key());
    } else {
      body.put("to", message.recipient());
    }
    body.put("text", message.body());
    body.put("dossierCode", message.dossierCode());
    HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", event.key())
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    if (config.token() != null && !config.token().isBlank()) {
      request.header("Authorization", "Bearer " + config.token());
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      String answer = response.body() == null ? "" : response.body();
      // The host only: a gateway's key may ride in the query string, and its answer may echo the phone number.
      throw new IOException("HTTP " + response.statusCode() + " from " + config.url().getHost() + " ("
          + answer.length() + " characters of answer)");
    }
  }

  /** The message an outbox row of a notification topic carries (its payload names the message's id). */
  static NotificationMessages.Message messageOf(OutboxMessage event, NotificationMessages messages) {
    long id;
    try {
      id = new ObjectMapper().readTree(event.payload()).path("messageId").asLong(-1);
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable notification event " + event.key(), e);
    }
    return messages.find(id).orElseThrow(() -> new IllegalStateException("No message " + id + " for event "
        + event.key()));
  }
}
