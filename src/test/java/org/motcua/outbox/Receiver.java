package org.motcua.outbox;

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
 * A national-portal-like receiver on localhost: it records every request it gets, applies each idempotency key once,
 * and can be told to fail the next requests or to answer too late (after it has stored the event).
 */
public class Receiver implements AutoCloseable {

  private final HttpServer server;
  /** Every key in arrival order, duplicates included. */
  public final List<String> received = new CopyOnWriteArrayList<>();
  /** Keys applied (first arrival only), with their body. */
  public final Map<String, String> applied = new ConcurrentHashMap<>();
  final AtomicInteger failNext = new AtomicInteger();
  final AtomicInteger answerLateNext = new AtomicInteger();
  volatile long lateMillis = 1500;

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/sync", exchange -> {
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = 200;
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status = 503;
      } else {
        received.add(key);
        applied.putIfAbsent(key, body);
        if (answerLateNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          try {
            Thread.sleep(lateMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sync");
  }

  long receivedCount(String key) {
    return received.stream().filter(key::equals).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
