package org.motcua.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.common.Refusal;
import org.motcua.common.RunsUseCase;
import org.motcua.common.UseCase;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document the service serves at {@code /v3/api-docs}, read over HTTP by an admin (the only role that
 * may read it outside the demo profile): every operation is described, and each one that runs a use case documents
 * every refusal the use case declares, under its HTTP status. Written to {@code target/openapi.json}, which
 * {@code .ci/run} lints with Spectral.
 */
@MotcuaTest
class ApiDocsTest {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Autowired
  Api api;

  @Autowired
  ApplicationContext context;

  @Autowired
  MessageSource messages;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  JsonNode doc;

  @BeforeEach
  void readTheDocument() throws IOException {
    Api.Response docs = api.get("admin", "/v3/api-docs");
    assertThat(docs.status()).as("%s", docs).isEqualTo(200);
    doc = docs.body();
    Files.createDirectories(Path.of("target"));
    JSON.writeValue(Path.of("target/openapi.json").toFile(), doc);
  }

  @Test
  void everyOperationHasASummaryADescriptionAndADescribedTag() {
    Set<String> tags = new HashSet<>();
    doc.path("tags").forEach(tag -> {
      assertThat(tag.path("description").asText()).as("tag %s", tag).isNotBlank();
      tags.add(tag.path("name").asText());
    });
    List<String> operations = new ArrayList<>();
    Set<String> operationIds = new HashSet<>();
    doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
      String name = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
      JsonNode operation = method.getValue();
      operations.add(name);
      assertThat(operation.path("summary").asText()).as(name).isNotBlank();
      assertThat(operation.path("description").asText()).as(name).isNotBlank();
      assertThat(operationIds.add(operation.path("operationId").asText())).as("unique operationId of " + name)
          .isTrue();
      assertThat(operation.path("tags")).as(name).isNotEmpty();
      operation.path("tags").forEach(tag -> assertThat(tags).as(name).contains(tag.asText()));
    }));
    assertThat(operations).contains("POST /api/dossiers", "GET /api/procedures/{code}", "POST /api/tasks/{id}/complete",
        "GET /api/reports/summary", "POST /api/admin/imports");
    assertThat(doc.path("info").path("description").asText()).contains("problem+json");
    assertThat(doc.path("info").path("contact").isObject()).isTrue();
  }

  @Test
  void anOperationDocumentsEveryRefusalOfTheUseCasesItRuns() {
    int checked = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = mapping.getValue();
      RunsUseCase runs = handler.getMethodAnnotation(RunsUseCase.class);
      if (runs == null) {
        continue;
      }
      for (String path : mapping.getKey().getPatternValues()) {
        for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
          String name = method + " " + path;
          JsonNode operation = doc.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
          assertThat(operation.isObject()).as(name).isTrue();
          for (Class<? extends UseCase> useCase : runs.value()) {
            for (Refusal refusal : context.getBean(useCase).refusals()) {
              assertDocuments(name, operation, refusal.code(), refusal.status().value());
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).as("refusals checked").isPositive();
  }

  @Test
  void refusalsAreProblemsWithTheirVietnameseMessage() {
    JsonNode procedure = doc.path("paths").path("/api/procedures/{code}").path("get");
    assertDocuments("GET /api/procedures/{code}", procedure, "UNKNOWN_PROCEDURE", 404);
    JsonNode notFound = procedure.path("responses").path("404");
    assertThat(notFound.path("description").asText())
        .contains(messages.getMessage("error.UNKNOWN_PROCEDURE", new Object[] {"…"}, Locale.forLanguageTag("vi")));
    JsonNode example = notFound.path("content").path("application/problem+json").path("examples")
        .path("UNKNOWN_PROCEDURE").path("value");
    assertThat(example.path("code").asText()).isEqualTo("UNKNOWN_PROCEDURE");
    assertThat(example.path("status").asInt()).isEqualTo(404);
    assertThat(example.path("type").asText()).isEqualTo("urn:motcua:error:unknown-procedure");
    assertThat(doc.path("components").path("schemas").path("Problem").path("required").toString())
        .contains("\"code\"", "\"status\"", "\"detail\"");
    // The catalogue is public: no sign-in refusals; a dossier is not.
    assertThat(procedure.path("responses").has("401")).isFalse();
    assertThat(procedure.has("security")).isFalse();
    JsonNode dossier = doc.path("paths").path("/api/dossiers/{code}").path("get");
    assertDocuments("GET /api/dossiers/{code}", dossier, "UNAUTHENTICATED", 401);
    assertDocuments("GET /api/dossiers/{code}", dossier, "ACCESS_DENIED", 403);
    assertThat(dossier.path("security").toString()).contains("basic");
    // Refusals of any request, where they apply: a JSON body, a state change.
    JsonNode rating = doc.path("paths").path("/api/dossiers/{code}/rating").path("post");
    assertDocuments("POST /api/dossiers/{code}/rating", rating, "UNKNOWN_FIELD", 400);
    assertDocuments("POST /api/dossiers/{code}/rating", rating, "VALIDATION_FAILED", 400);
    assertDocuments("POST /api/dossiers/{code}/rating", rating, "CSRF_TOKEN_REQUIRED", 403);
    assertDocuments("POST /api/dossiers/{code}/rating", rating, "CONCURRENT_CHANGE", 409);
  }

  /** The code is in the operation's {@code x-refusal-codes} and listed in its response for that status. */
  private void assertDocuments(String name, JsonNode operation, String code, int status) {
    assertThat(operation.path("x-refusal-codes").toString()).as(name)
        .contains("{\"code\":\"" + code + "\",\"status\":" + status + "}");
    JsonNode response = operation.path("responses").path(String.valueOf(status));
    assertThat(response.isObject()).as(name + " " + status).isTrue();
    if (response.has("$ref")) {
      String ref = response.path("$ref").asText();
      response = doc.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    assertThat(response.path("description").asText()).as(name + " " + status).contains("`" + code + "`");
    JsonNode problem = response.path("content").path("application/problem+json");
    assertThat(problem.path("schema").path("$ref").asText()).as(name + " " + status)
        .isEqualTo("#/components/schemas/Problem");
    assertThat(problem.path("examples").has(code)).as(name + " " + status + " example").isTrue();
  }
}
