package org.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file is kept under a name whose extension says what its content is: a PDF that is also an HTML page, named
 * {@code x.html}, is refused (nothing stored), and a name without an extension gets the detected type's.
 */
@MotcuaTest
class StoredNamesTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final byte[] POLYGLOT = ("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
      + "%%EOF\n").getBytes(StandardCharsets.UTF_8);
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aNameThatSaysAnotherTypeIsRefusedAndNothingIsStored() throws IOException {
    String code = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    String path = "/api/dossiers/" + code + "/documents";
    long rows = jdbc.queryForObject("select count(*) from document", Long.class);
    long files = storedFiles();

    Api.Response polyglot = api.upload("citizen", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("x.html", POLYGLOT)));
    assertThat(polyglot.status()).as(polyglot.toString()).isEqualTo(400);
    assertThat(polyglot.contentType()).startsWith("application/problem+json");
    assertThat(polyglot.text("code")).isEqualTo("FILE_EXTENSION_MISMATCH");
    assertThat(polyglot.text("detail")).contains("x.html", "PDF", ".pdf");
    Api.Response jpegAsPdf = api.upload("clerk.stp", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("to-khai.pdf", JPEG)));
    assertThat(jpegAsPdf.text("code")).as(jpegAsPdf.toString()).isEqualTo("FILE_EXTENSION_MISMATCH");
    assertThat(jpegAsPdf.text("detail")).contains("JPEG", ".jpg, .jpeg");
    Api.Response pngAsJpeg = api.upload("citizen", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("anh.jpg", png())));
    assertThat(pngAsJpeg.text("code")).as(pngAsJpeg.toString()).isEqualTo("FILE_EXTENSION_MISMATCH");
    // The online submission with its files goes through the same check, and leaves no dossier behind either.
    long dossiers = jdbc.queryForObject("select count(*) from dossier", Long.class);
    Api.Response submission = api.call(org.springframework.http.HttpMethod.POST, "citizen", "/api/dossiers",
        submissionWith("x.html", POLYGLOT), null);
    assertThat(submission.status()).as(submission.toString()).isEqualTo(400);
    assertThat(submission.text("code")).isEqualTo("FILE_EXTENSION_MISMATCH");
    assertThat(jdbc.queryForObject("select count(*) from dossier", Long.class)).isEqualTo(dossiers);

    assertThat(jdbc.queryForObject("select count(*) from document", Long.class)).isEqualTo(rows);
    assertThat(storedFiles()).isEqualTo(files);
  }

  @Test
  void matchingNamesAreKeptAndANameWithoutExtensionGetsTheDetectedOne() {
    String code = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    String path = "/api/dossiers/" + code + "/documents";
    assertThat(stored(api.upload("citizen", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("Tờ khai.PDF", Api.pdf("to khai")))))).isEqualTo("Tờ khai.PDF");
    assertThat(stored(api.upload("citizen", path, Map.of("component", "GIAY_TO_TUY_THAN",
        "file", new Api.FilePart("cccd.jpeg", JPEG))))).isEqualTo("cccd.jpeg");
    assertThat(stored(api.upload("citizen", path, Map.of("component", "GIAY_TO_TUY_THAN",
        "file", new Api.FilePart("cccd mat sau", JPEG))))).isEqualTo("cccd mat sau.jpg");
    // What follows a dot is an extension only when it looks like one.
    assertThat(stored(api.upload("citizen", path, Map.of("component", "GIAY_TO_TUY_THAN",
        "file", new Api.FilePart("Bản sao của Nguyễn V. An", png()))))).isEqualTo("Bản sao của Nguyễn V. An.png");
  }

  private static String stored(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.text("filename");
  }

  private static org.springframework.util.MultiValueMap<String, Object> submissionWith(String filename,
      byte[] content) {
    org.springframework.util.LinkedMultiValueMap<String, Object> form =
        new org.springframework.util.LinkedMultiValueMap<>();
    org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
    json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    String dossier;
    try {
      dossier = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
          Dossiers.submission(CRIMINAL_RECORD));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    form.add("dossier", new org.springframework.http.HttpEntity<>(dossier, json));
    form.add("TO_KHAI", new org.springframework.core.io.ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    });
    return form;
  }

  static long storedFiles() throws IOException {
    Path root = Path.of("target/test-files");
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).count();
    }
  }

  static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  }
}
