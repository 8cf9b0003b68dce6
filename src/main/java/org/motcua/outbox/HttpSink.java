package org.motcua.outbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * POSTs each event as JSON to the configured endpoint (the national portal's status sync, or a notification
 * gateway), with the event's key in {@code Idempotency-Key}. Any 2xx answer means delivered; anything else, or no
 * answer in time, is a failure the relay retries later with the same key.
 */
class HttpSink implements OutboxSink {

  private final OutboxProperties.Http config;
  private final HttpClient client;

  HttpSink(OutboxProperties.Http config) {
    this.config = config;
    this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  @Override
  public void deliver(OutboxMessage message) throws IOException, InterruptedException {
    String body = "{\"key\":\"" + message.key() + "\",\"sequence\":" + message.sequence()
        + ",\"topic\":\"" + message.topic() + "\",\"dossierCode\":\"" + message.dossierCode()
        + "\",\"attempt\":" + message.attempt() + ",\"data\":" + message.payload() + "}";
    HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", message.key())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (config.token() != null && !config.token().isBlank()) {
      request.header("Authorization", "Bearer " + config.token());
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + config.url() + ": "
          + abbreviate(response.body()));
    }
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
