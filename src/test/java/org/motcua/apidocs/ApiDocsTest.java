package org.motcua.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The served OpenAPI document, as an admin reads it; written to target/openapi.json for Spectral (.ci/run). */
@MotcuaTest
class ApiDocsTest {

  @Autowired
  Api api;

  @Test
  void everyOperationIsDescribed() throws IOException {
    Api.Response docs = api.get("admin", "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    Files.write(Path.of("target/openapi.json"), docs.raw());
    JsonNode doc = docs.body();
    assertThat(doc.path("paths").size()).isPositive();
  }
}
