package org.motcua.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/** Real HTTP calls to the running service as one of the demo users (password {@code demo}, admin {@code admin}). */
public class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestTemplate rest;
  private final Environment env;
  private final RestTemplateBuilder builder;
  private final String host;

  Api(RestTemplateBuilder builder, Environment env) {
    this(builder, env, builder.requestFactory(HttpComponentsClientHttpRequestFactory.class), "localhost");
  }

  private Api(RestTemplateBuilder original, Environment env, RestTemplateBuilder builder, String host) {
    this.builder = original;
    this.host = host;
    this.rest = builder
        .errorHandler(new ResponseErrorHandler() {
          @Override
          public boolean hasError(ClientHttpResponse response) {
            return false;
          }

          @Override
          public void handleError(ClientHttpResponse response) {
          }
        })
        .build();
    this.env = env;
  }

  /**
   * The same calls sent from another loopback address ({@code 127.0.0.2}, {@code 127.0.1.7}…: on Linux all of
   * 127.0.0.0/8 is the loopback interface): the client socket is bound to that address, so the service, which listens
   * on every interface, sees it as the caller's address ({@code request.getRemoteAddr()}) exactly as it would see
   * another machine. No header trick: a real second client. This client keeps no cookies, follows no redirects and retries nothing.
   */
  public Api from(String loopbackAddress) {
    java.net.InetAddress local;
    try {
      local = java.net.InetAddress.getByName(loopbackAddress);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(loopbackAddress, e);
    }
    org.apache.hc.client5.http.impl.classic.CloseableHttpClient client =
        org.apache.hc.client5.http.impl.classic.HttpClients.custom()
            .setRoutePlanner(new org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner(null) {
              @Override
              protected java.net.InetAddress determineLocalAddress(org.apache.hc.core5.http.HttpHost firstHop,
                  org.apache.hc.core5.http.protocol.HttpContext context) {
                return local;
              }
            })
            .disableCookieManagement()
            .disableRedirectHandling()
            // A 429 must come back to the test, not be retried after its Retry-After.
            .disableAutomaticRetries()
            .build();
    return new Api(builder, env, builder.requestFactory(() -> new HttpComponentsClientHttpRequestFactory(client)),
        "127.0.0.1");
  }

  /** Any request with the given headers (e.g. a cookie, or Basic with a chosen password). */
  public Response exchange(HttpMethod method, String path, HttpHeaders headers, Object body) {
    String url = "http://" + host + ":" + env.getRequiredProperty("local.server.port") + path;
    ResponseEntity<byte[]> response = rest.exchange(java.net.URI.create(url), method, new HttpEntity<>(body, headers),
        byte[].class);
    return new Response(response.getStatusCode().value(), response.getHeaders(), parse(response.getBody()),
        response.getBody());
  }

  /** The value of an {@code Authorization} header for HTTP Basic. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Response get(String user, String path) {
    return call(HttpMethod.GET, user, path, null, null);
  }

  public Response post(String user, String path, Object body) {
    return call(HttpMethod.POST, user, path, body, null);
  }

  /** A multipart POST: each value is a {@link FilePart} or a plain text field. */
  public Response upload(String user, String path, java.util.Map<String, Object> parts) {
    org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    parts.forEach((name, value) -> form.add(name, value instanceof FilePart f
        ? new org.springframework.core.io.ByteArrayResource(f.content()) {
            @Override
            public String getFilename() {
              return f.filename();
            }
          }
        : value));
    return call(HttpMethod.POST, user, path, form, null);
  }

  /** A browser form POST (application/x-www-form-urlencoded). */
  public Response form(String user, String path, java.util.Map<String, String> fields) {
    org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
    fields.forEach(form::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    String url = "http://" + host + ":" + env.getRequiredProperty("local.server.port") + path;
    ResponseEntity<byte[]> response = rest.exchange(url, HttpMethod.POST, new HttpEntity<>(form, headers),
        byte[].class);
    return new Response(response.getStatusCode().value(), response.getHeaders(), parse(response.getBody()),
        response.getBody());
  }

  public record FilePart(String filename, byte[] content) {
  }

  /** A small but real PDF. */
  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% " + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public Response call(HttpMethod method, String user, String path, Object body, String language) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      String password = user.equals("admin") ? "admin" : "demo";
      headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (language != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
    Object payload = body;
    if (body instanceof String raw) {
      headers.setContentType(MediaType.APPLICATION_JSON);
      payload = raw;
    } else if (body instanceof org.springframework.util.MultiValueMap<?, ?>) {
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    } else if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    String url = "http://" + host + ":" + env.getRequiredProperty("local.server.port") + path;
    // As a browser would: the URL is sent as given, never encoded a second time (signed gateway URLs depend on it).
    ResponseEntity<byte[]> response = rest.exchange(java.net.URI.create(url), method, new HttpEntity<>(payload, headers),
        byte[].class);
    return new Response(response.getStatusCode().value(), response.getHeaders(), parse(response.getBody()),
        response.getBody());
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
    }
  }

  public record Response(int status, HttpHeaders headers, JsonNode body, byte[] raw) {

    public String text(String field) {
      JsonNode node = body.path(field);
      return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    public String contentType() {
      MediaType type = headers.getContentType();
      return type == null ? null : type.toString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
