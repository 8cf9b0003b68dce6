package org.motcua.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMS / Zalo ZNS provider on localhost (JDK HTTP server): it checks the bearer token, refuses the first
 * {@link #failFirst} attempts of every key with HTTP 500, then accepts; it applies each idempotency key once (a
 * key it has accepted before is answered 200 and dropped), as a provider deduplicating by key does.
 */
class ProviderServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String token;
  /** Every request (accepted or not), in arrival order: path and key. */
  final List<String> attempts = new CopyOnWriteArrayList<>();
  /** Requests accepted (2xx), duplicates included, by key. */
  final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
  /** The first accepted body of each key: what the provider applied (sent to the phone). */
  final Map<String, JsonNode> applied = new ConcurrentHashMap<>();
  /** Keys in the order they were applied. */
  final List<String> appliedOrder = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
  /** How many attempts of each key are refused with HTTP 500 before it is accepted. */
  volatile int failFirst;

  ProviderServer(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      attempts.add(path + " " + key);
      int status;
      if (!("Bearer " + token).equals(auth) || key == null) {
        status = 401;
      } else if (refused.computeIfAbsent(key, k -> new AtomicInteger()).get() < failFirst) {
        refused.get(key).incrementAndGet();
        status = 500;
      } else {
        accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        JsonNode body = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        if (applied.putIfAbsent(key, body) == null) {
          appliedOrder.add(key);
        }
        status = 200;
      }
      byte[] answer = status == 200 ? "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)
          : "{\"error\":\"try later\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  int acceptedCount(String key) {
    AtomicInteger n = accepted.get(key);
    return n == null ? 0 : n.get();
  }

  long attemptsOf(String key) {
    return attempts.stream().filter(a -> a.endsWith(" " + key)).count();
  }

  void reset() {
    attempts.clear();
    accepted.clear();
    applied.clear();
    appliedOrder.clear();
    refused.clear();
    failFirst = 0;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
