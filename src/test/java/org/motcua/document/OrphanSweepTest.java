package org.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The orphan sweep on the filesystem store (the S3 store: {@code S3DocumentStoreHttpTest}): bytes a dead node stored
 * without committing their row, and a write it cut short ({@code .part}), are deleted once older than the grace period;
 * the files of dossiers and of the e-data warehouse never are.
 */
@MotcuaTest
class OrphanSweepTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DocumentStore store;
  @Autowired
  OrphanSweep sweep;
  @Value("${motcua.documents.dir}")
  Path folder;

  @Test
  void filesNoRowNamesGoOnceTheirGraceIsOverAndNamedFilesStay() throws Exception {
    String code = new Dossiers(api).submitComplete("citizen", CRIMINAL_RECORD);
    new Dossiers(api).decide("clerk.stp", code, "accept", null); // the warehouse gets the components
    String orphan = store.put(Api.pdf("bytes whose transaction died"));
    Path partial = folder.resolve(LocalDate.now().toString()).resolve("cut-short.part");
    Files.writeString(partial, "%PDF-1.7 half", StandardCharsets.US_ASCII);
    List<String> named = jdbc.queryForList("select storage_key from document union select storage_key from"
        + " warehouse_item", String.class);
    // Rows of other tests may name files of another store (the S3 tests share the database): those of this folder.
    List<String> namedHere = named.stream().filter(key -> Files.exists(folder.resolve(key))).toList();
    assertThat(namedHere).containsAll(jdbc.queryForList("select d.storage_key from document d join dossier x on"
        + " x.id = d.dossier_id where x.code = ?", String.class, code)).isNotEmpty();

    // (Files older runs left in the shared test folder may go; these are younger than the grace period.)
    assertThat(sweep.sweep()).as("within the grace period they stay").doesNotContain(orphan,
        LocalDate.now() + "/cut-short.part");
    List<String> deleted = sweep.sweep(Instant.now().plus(Duration.ofHours(2)), LocalDate.now());

    assertThat(deleted).contains(orphan, LocalDate.now() + "/cut-short.part").doesNotContainAnyElementsOf(named);
    assertThat(folder.resolve(orphan)).doesNotExist();
    assertThat(partial).doesNotExist();
    for (String key : namedHere) {
      assertThat(folder.resolve(key)).as(key).exists();
    }
  }
}
