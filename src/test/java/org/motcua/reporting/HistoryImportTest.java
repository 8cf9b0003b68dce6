package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History import over real HTTP. The 2023 file is built to the seed's figures; the small files live in 2021. Every
 * imported dossier has ended within its year, so nothing carries over into other tests' periods.
 */
@MotcuaTest
class HistoryImportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyMMdd");

  @Autowired
  Environment env;
  @Autowired
  Api api;
  @Autowired
  Catalog catalog;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  SummaryQuery raw;
  @Autowired
  java.time.Clock clock;
  @Autowired
  ImportProperties limits;

  @TempDir
  Path dir;

  /**
   * Hậu Giang 2023: 141,989 dossiers of procedures offered online, 125,323 of them online → 88.3 %. The lines name the
   * agencies of 2023 (tỉnh Hậu Giang's, which the catalogue keeps with their successors); the supervisor of today's
   * city reads the same province total as received and in today's structure. (This file names the old agencies on
   * purpose: rename-agencies.sh leaves it.)
   */
  @Test
  void aCsvBuiltToTheSeeds2023FiguresGivesAnOnlineRateOf0883() throws Exception {
    List<Procedure> offered = catalog.procedures().stream().filter(p -> p.onlineLevel().offeredOnline()).toList();
    // Each procedure's receiving agency of today → an agency it took over that existed in 2023, preferring its own
    // level (a ward's → an old ward, not the district); a department created in 2025 → what its parent took over.
    Map<String, String> agencyOf2023 = new java.util.HashMap<>();
    for (Procedure p : offered) {
      String found = null;
      for (var a = catalog.agency(p.agencyCode()); found == null && a.isPresent();
          a = catalog.agency(a.get().parentCode())) {
        var level = a.get().level();
        found = catalog.predecessors(a.get().code()).stream()
            .filter(x -> x.isValidOn(LocalDate.of(2023, 1, 1)))
            .sorted(java.util.Comparator.comparing((org.motcua.catalog.Agency x) -> x.level() != level))
            .map(org.motcua.catalog.Agency::code).findFirst().orElse(null);
      }
      agencyOf2023.put(p.code(), java.util.Objects.requireNonNull(found, p.code()));
    }
    int total = 141_989;
    int online = 125_323;
    Path file = dir.resolve("hau-giang-2023.csv");
    long started = System.nanoTime();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HistoryCsv.HEADER);
      out.newLine();
      for (int i = 0; i < total; i++) {
        Procedure p = offered.get(i % offered.size());
        // In date order, as a previous system exports it: 2 Jan – 15 Dec 2023 in office hours; each ends within
        // days, before the year is out.
        LocalDateTime received = LocalDateTime.of(2023, 1, 2, 7, 30).plusDays(347L * i / total).plusMinutes(i % 480);
        LocalDateTime due = received.plusDays(3);
        LocalDateTime finished = received.plusHours(5 + i % 100);
        int supplements = i % 50 == 0 ? 2 : i % 7 == 0 ? 1 : 0;
        int status = i % 40 == 0 ? 8 : 10;
        String agency = agencyOf2023.get(p.code());
        String code = "%s-%s-%06d".formatted(agency, received.format(DAY), i);
        out.write(String.join(",", code, p.code(), agency,
            i < online ? "2" : (i % 2 == 0 ? "1" : "3"), received.minusHours(1).toString(), received.toString(),
            due.toString(), finished.toString(), status == 10 ? finished.plusHours(1).toString() : "",
            String.valueOf(status), String.valueOf(supplements), "", i % 3 == 0 ? "true" : "false", "true", ""));
        out.newLine();
      }
    }
    JsonNode job = importAndWait(file, false);
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.path("rowsRead").asLong()).isEqualTo(total);
    assertThat(job.path("rowsImported").asLong()).isEqualTo(total);
    System.out.printf("Imported %,d rows in %.1f s%n", total, seconds);

    Api.Response response = api.get("supervisor.tinh", "/api/reports/summary?from=2023-01-01&to=2023-12-31");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode summary = response.body();
    assertThat(summary.path("received").asLong()).isEqualTo(total);
    assertThat(summary.path("receivedOnline").asLong()).isEqualTo(online);
    assertThat(Math.round(summary.path("onlineRate").asDouble() * 1000) / 1000.0).isEqualTo(0.883);
    assertThat(summary.path("inProgress").asLong()).isZero();
    // Imported dossiers went through the same day counters as live ones: the raw scan agrees field by field.
    Tally expected = raw.tally(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "000.00.00.H30",
        LocalDateTime.of(2024, 1, 1, 0, 0), null).get("");
    assertThat(summary.path("finished").asLong()).isEqualTo(expected.finished()).isEqualTo(total);
    assertThat(summary.path("finishedLate").asLong()).isEqualTo(expected.finishedLate()).isPositive();
    assertThat(summary.path("finishedEarly").asLong()).isEqualTo(expected.finishedEarly()).isPositive();
    assertThat(summary.path("finishedOnTime").asLong()).isEqualTo(expected.finishedOnTime());

    // In today's structure: the same province total, field by field.
    JsonNode current = api.get("supervisor.tinh", "/api/reports/summary?from=2023-01-01&to=2023-12-31"
        + "&structure=CURRENT").body();
    assertThat(current).isEqualTo(summary);
    // Per unit they differ: as received, Hậu Giang's departments and the district of Vị Thanh (with its wards); in
    // today's structure, the city's departments and phường Vị Thanh, which carries the wards' and district's work.
    JsonNode asReceived = api.get("supervisor.tinh", "/api/reports/breakdown?by=agency&from=2023-01-01"
        + "&to=2023-12-31").body();
    JsonNode today = api.get("supervisor.tinh", "/api/reports/breakdown?by=agency&from=2023-01-01&to=2023-12-31"
        + "&structure=CURRENT").body();
    assertThat(keys(asReceived)).contains("000.00.12.H30", "000.00.21.H30").noneMatch(k -> k.endsWith(".H13"));
    assertThat(keys(today)).contains("000.00.12.H13", "000.01.21.H13").noneMatch(k -> k.endsWith(".H30"));
    assertThat(received(asReceived, "000.00.21.H30")).isPositive().isEqualTo(received(today, "000.01.21.H13"));
    assertThat(received(asReceived, "000.00.12.H30")).isPositive().isEqualTo(received(today, "000.00.12.H13"));
    assertThat(asReceived.path("total")).isEqualTo(today.path("total"));
    assertThat(sum(asReceived)).isEqualTo(total);
    assertThat(sum(today)).isEqualTo(total);
  }

  /**
   * Twelve dossiers of 2019 (a year no other test uses) whose indicators were counted by hand, from DOMAIN.md's
   * definitions, not from the production query. Three procedures: the criminal-record certificate (FULL online), a
   * land transfer (PARTIAL) and a land procedure not offered online (NONE), whose dossiers count as received but
   * stay out of the online rate's denominator.
   */
  @Test
  void handCountedDossiersGiveTheIndicatorsCountedByHand() throws Exception {
    String full = "2.000488.000.00.12.H13,000.00.12.H30"; // Sở Tư pháp (2019): FULL
    String partial = "1.013831.000.00.16.H13,000.20.16.H30"; // VP Đăng ký đất đai (2019): PARTIAL
    String none = "1.000419.000.00.21.H13,000.20.16.H30"; // same office, not offered online: NONE
    Path file = csv("hand-counted-2019.csv", HistoryCsv.HEADER,
        // #  received          due               finished           supplements  → in July 2019
        line(1, full, 2, "07-01T09:00", "07-05T09:00", "07-03T10:00", 0), // early (a day before the due day)
        line(2, full, 2, "07-02T09:00", "07-08T09:00", "07-08T08:30", 0), // on time (the due day, before 09:00)
        line(3, full, 1, "07-03T09:00", "07-09T09:00", "07-09T10:00", 0), // late (the due day, after 09:00)
        line(4, partial, 2, "07-04T09:00", "07-12T09:00", "07-10T09:00", 2), // late: two supplement requests
        line(5, partial, 3, "07-05T09:00", "07-15T09:00", "07-15T09:00", 0), // on time (at the due instant)
        line(6, none, 1, "07-08T09:00", "07-12T09:00", "07-11T09:00", 0), // early
        line(7, none, 1, "07-09T09:00", "07-16T09:00", "07-18T09:00", 0), // late
        line(8, partial, 2, "07-22T09:00", "07-26T09:00", "08-05T09:00", 0), // in progress on 31 July, overdue
        line(9, full, 2, "07-29T09:00", "08-02T09:00", "08-01T09:00", 0), // in progress on 31 July, not yet due
        line(10, partial, 1, "06-25T09:00", "07-02T09:00", "07-01T14:00", 0), // carried over from June; early
        line(11, full, 2, "06-20T09:00", "06-26T09:00", "06-25T09:00", 0), // ended in June: not in July's scope
        line(12, full, 2, "08-05T09:00", "08-09T09:00", "08-07T09:00", 0)); // received in August
    JsonNode job = importAndWait(file, false);
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.path("rowsImported").asLong()).isEqualTo(12);

    JsonNode july = api.get("supervisor.tinh", "/api/reports/summary?from=2019-07-01&to=2019-07-31").body();
    assertThat(july.path("received").asLong()).as(july.toString()).isEqualTo(9); // #1–9
    assertThat(july.path("receivedOnline").asLong()).isEqualTo(5); // #1, 2, 4, 8, 9
    // Channel 2 over the 7 received for procedures offered online (#1–5, 8, 9), not over all 9.
    assertThat(july.path("onlineRate").asDouble()).isCloseTo(5.0 / 7, within(1e-9));
    assertThat(july.path("fullOnlineRate").asDouble()).isCloseTo(3.0 / 4, within(1e-9)); // #1, 2, 9 of #1, 2, 3, 9
    assertThat(july.path("finished").asLong()).isEqualTo(8); // #1–7, 10
    assertThat(july.path("finishedEarly").asLong()).isEqualTo(3); // #1, 6, 10
    assertThat(july.path("finishedOnTime").asLong()).isEqualTo(2); // #2, 5
    assertThat(july.path("finishedLate").asLong()).isEqualTo(3); // #3, 4, 7
    assertThat(july.path("inProgress").asLong()).isEqualTo(2); // #8, 9
    assertThat(july.path("inProgressOverdue").asLong()).isEqualTo(1); // #8
    assertThat(july.path("onTimeRate").asDouble()).isCloseTo((3 + 2 + 2 - 1) / 10.0, within(1e-9));

    JsonNode year = api.get("supervisor.tinh", "/api/reports/summary?from=2019-01-01&to=2019-12-31").body();
    assertThat(year.path("received").asLong()).as(year.toString()).isEqualTo(12);
    assertThat(year.path("receivedOnline").asLong()).isEqualTo(7); // #1, 2, 4, 8, 9, 11, 12
    assertThat(year.path("onlineRate").asDouble()).isCloseTo(7.0 / 10, within(1e-9)); // #6 and #7 left out
    assertThat(year.path("fullOnlineRate").asDouble()).isCloseTo(5.0 / 6, within(1e-9)); // #1, 2, 9, 11, 12 of 6
    assertThat(year.path("finished").asLong()).isEqualTo(12);
    assertThat(year.path("finishedEarly").asLong()).isEqualTo(6); // #1, 6, 9, 10, 11, 12
    assertThat(year.path("finishedOnTime").asLong()).isEqualTo(2); // #2, 5
    assertThat(year.path("finishedLate").asLong()).isEqualTo(4); // #3, 4, 7, 8
    assertThat(year.path("inProgress").asLong()).isZero();
    assertThat(year.path("onTimeRate").asDouble()).isCloseTo(8.0 / 12, within(1e-9));
  }

  /** A returned dossier of 2019 (status 10, returned an hour after it was finished). */
  private static String line(int n, String procedureAndAgency, int channel, String received, String due,
      String finished, int supplements) {
    String agency = procedureAndAgency.substring(procedureAndAgency.indexOf(',') + 1);
    String code = "%s-19%s-%04d".formatted(agency, received.substring(0, 5).replace("-", ""), 9000 + n);
    LocalDateTime finishedAt = LocalDateTime.parse("2019-" + finished);
    return String.join(",", code, procedureAndAgency, String.valueOf(channel), "2019-" + received,
        "2019-" + received, "2019-" + due, finishedAt.toString(), finishedAt.plusHours(1).toString(), "10",
        String.valueOf(supplements), "", "false", "true", "true");
  }

  /**
   * The catalogue's code of the criminal-record certificate, which the lines above name by Hậu Giang's old code: the
   * import finds it by its national code and stores today's.
   */
  private String criminalRecordCode() {
    return catalog.procedures().stream().filter(p -> p.nationalCode().equals("2.000488")).findFirst().orElseThrow()
        .code();
  }

  private static List<String> keys(JsonNode breakdown) {
    return StreamSupport.stream(breakdown.path("rows").spliterator(), false).map(r -> r.path("key").asText()).toList();
  }

  private static long received(JsonNode breakdown, String key) {
    return StreamSupport.stream(breakdown.path("rows").spliterator(), false)
        .filter(r -> r.path("key").asText().equals(key)).mapToLong(r -> r.path("received").asLong()).sum();
  }

  private static long sum(JsonNode breakdown) {
    return StreamSupport.stream(breakdown.path("rows").spliterator(), false)
        .mapToLong(r -> r.path("received").asLong()).sum();
  }

  @Test
  void badLinesAreReportedWithTheirLineNumbersAndNothingIsImported() throws Exception {
    String good = "000.00.12.H30-210301-0001,2.000488.000.00.12.H30,000.00.12.H30,2,2021-03-01T08:00,2021-03-01T09:00,"
        + "2021-03-15T09:00,2021-03-10T10:00,2021-03-11T08:00,10,0,,true,true,true";
    Path file = csv("bad.csv",
        HistoryCsv.HEADER,
        good,
        "000.00.12.H30-210301-0002,2.000488.000.00.12.H30,000.00.12.H30,2,2021-03-01 08:00,2021-03-01T09:00,2021-03-15T09:00,,,4,0,,,,",
        "000.00.12.H30-210301-0003,9.999999.000.00.12.H30,000.00.12.H30,2,2021-03-01T08:00,2021-03-01T09:00,2021-03-15T09:00,,,4,0,,,,",
        "000.00.12.H30-210301-0004,2.000488.000.00.12.H30,000.99.99.H30,2,2021-03-01T08:00,2021-03-01T09:00,2021-03-15T09:00,,,4,0,,,,",
        good,
        "000.00.12.H30-210301-0006,2.000488.000.00.12.H30,000.00.12.H30,2,2021-03-01T08:00,2021-03-05T09:00,2021-03-15T09:00,"
            + "2021-03-02T10:00,,9,0,,,,",
        "000.00.12.H30-210301-0007,2.000488.000.00.12.H30,000.00.12.H30,2,2021-03-01T08:00,2021-03-01T09:00,2021-03-15T09:00,,,11,0,,,,",
        "000.00.12.H30-210301-0008,2.000488.000.00.12.H30,000.00.12.H30,2,2021-03-01T08:00,2021-03-01T09:00,2021-03-15T09:00,,,4,0,,maybe,,",
        "000.00.12.H30-210301-0009,2.000488.000.00.12.H30,000.00.12.H30,2,2021-03-01T08:00,2021-03-01T09:00",
        "000.00.12.H30-210301-0010,2.000488.000.00.12.H30,000.00.12.H30,2,2021-03-01T08:00,2021-03-01T09:00,2021-03-15T09:00,"
            + "2021-03-16T09:00,,9,0,,,,");
    JsonNode job = importAndWait(file, false);
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("REJECTED");
    assertThat(job.path("rowsRead").asLong()).isEqualTo(10);
    assertThat(job.path("rowsRejected").asLong()).isEqualTo(8);
    assertThat(job.path("rowsImported").asLong()).isZero();
    assertThat(errors(job)).containsExactly(
        Map.entry(3L, "BAD_TIME"), Map.entry(4L, "UNKNOWN_PROCEDURE"), Map.entry(5L, "UNKNOWN_AGENCY"),
        Map.entry(6L, "DUPLICATE_CODE"), Map.entry(7L, "BEFORE"), Map.entry(8L, "BAD_NUMBER"),
        Map.entry(9L, "BAD_BOOLEAN"), Map.entry(10L, "COLUMN_COUNT"));
    JsonNode finishedBeforeReceived = job.path("errors").get(4);
    assertThat(finishedBeforeReceived.path("message").asText()).contains("finished_at < received_at");
    assertThat(job.path("errors").get(3).path("message").asText()).contains("000.00.12.H30-210301-0001").contains("2");
    assertThat(imported("000.00.12.H30-210301-%")).isZero();

    // The same file with skipInvalid: the valid lines go in, the bad ones are listed.
    JsonNode skipping = importAndWait(file, true);
    assertThat(skipping.path("state").asText()).as(skipping.toString()).isEqualTo("SUCCEEDED");
    assertThat(skipping.path("rowsImported").asLong()).isEqualTo(2);
    assertThat(skipping.path("rowsRejected").asLong()).isEqualTo(8);
    assertThat(imported("000.00.12.H30-210301-%")).isEqualTo(2);
  }

  /**
   * Codes that a spreadsheet would evaluate, or with a tab or a line break, are refused by the dossier-code format,
   * so they never reach the database nor any export.
   */
  @Test
  void codesOutsideTheDossierCodeFormatAreRefused() throws Exception {
    String rest = ",2.000488.000.00.12.H30,000.00.12.H30,2,2021-06-01T08:00,2021-06-01T09:00,2021-06-15T09:00,"
        + "2021-06-10T10:00,2021-06-11T08:00,10,0,,true,true,true";
    Path file = csv("hostile.csv",
        HistoryCsv.HEADER,
        "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" + rest,
        "+1" + rest,
        "@SUM(1)" + rest,
        "-2+3" + rest,
        "\t000.00.12.H30-210601-0001" + rest,
        "\"000.00.12.H30-210601-0002\n=1+2\"" + rest,
        "000.00.12.H30-210601-0003 " + rest,
        "000.00.12.H30-210601-0004" + rest);
    JsonNode job = importAndWait(file, false);
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("REJECTED");
    assertThat(errors(job)).containsExactly(
        Map.entry(2L, "BAD_CODE"), Map.entry(3L, "BAD_CODE"), Map.entry(4L, "BAD_CODE"), Map.entry(5L, "BAD_CODE"),
        Map.entry(6L, "BAD_CODE"),
        // The line break splits the line: neither half is a line of the file's form.
        Map.entry(7L, "UNCLOSED_QUOTE"), Map.entry(8L, "UNCLOSED_QUOTE"),
        Map.entry(9L, "BAD_CODE"));
    assertThat(job.path("errors").get(0).path("message").asText())
        .contains("=HYPERLINK(\"http://x\",\"y\")", "-250123-0007");

    JsonNode skipping = importAndWait(file, true);
    assertThat(skipping.path("rowsImported").asLong()).as(skipping.toString()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from dossier where code in (?, ?, ?, ?, ?, ?, ?)", Long.class,
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(1)", "-2+3", "\t000.00.12.H30-210601-0001",
        "000.00.12.H30-210601-0003 ", "=1+2")).isZero();
    // Only the well-formed line went in: the tab-led and space-ended codes were not taken trimmed either.
    assertThat(jdbc.queryForList("select code from dossier where code like '000.00.12.H30-210601-%'", String.class))
        .containsExactly("000.00.12.H30-210601-0004");
  }

  /**
   * Rows imported before the code check (or text that reached the database any other way) come out of the register
   * CSV as text a spreadsheet does not evaluate, and a line break stays inside its cell.
   */
  @Test
  void hostileTextAlreadyInTheDatabaseIsNeutralisedInTheRegisterCsv() throws Exception {
    String code = "000.00.12.H30-210701-0001";
    Path file = csv("legacy.csv", HistoryCsv.HEADER, code + ",2.000488.000.00.12.H30,000.00.12.H30,2,"
        + "2021-07-01T08:00,2021-07-01T09:00,2021-07-15T09:00,2021-07-10T10:00,2021-07-11T08:00,10,0,,true,true,true");
    assertThat(importAndWait(file, false).path("rowsImported").asLong()).isEqualTo(1);
    String hostileCode = "=HYPERLINK(\"http://legacy\",\"y\")";
    jdbc.update("update dossier set code = ?, procedure_name = ? where code = ?", hostileCode, "-2+3,\"x\"\n@SUM(1)",
        code);

    Api.Response csv = api.get("admin",
        "/api/reports/register?from=2021-07-01&to=2021-07-31&agency=000.00.12.H30&format=csv");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String text = new String(csv.raw(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFSTT,Mã hồ sơ,")
        .contains("\r\n1,\"'=HYPERLINK(\"\"http://legacy\"\",\"\"y\"\")\"," + criminalRecordCode() + ","
            + "\"'-2+3,\"\"x\"\"\n@SUM(1)\",000.00.12.H30,");
  }

  /**
   * An import body above motcua.imports.max-bytes is refused with 413 and nothing is stored: no job, no dossier, no
   * spooled file left behind — whether the request declares its length or streams it in chunks.
   */
  @Test
  void anImportLargerThanTheLimitIsRefusedAndNothingIsStored() throws Exception {
    StringBuilder lines = new StringBuilder(HistoryCsv.HEADER).append('\n');
    for (int i = 1; i <= 100; i++) {
      lines.append("000.00.12.H30-210801-%04d,2.000488.000.00.12.H30,000.00.12.H30,2,2021-08-02T08:00,".formatted(i))
          .append("2021-08-02T09:00,2021-08-16T09:00,2021-08-10T10:00,2021-08-11T08:00,10,0,,true,true,true\n");
    }
    Path file = Files.writeString(dir.resolve("large.csv"), lines);
    long size = Files.size(file);
    long jobs = jdbc.queryForObject("select count(*) from import_job", Long.class);
    long spooled = spooledFiles();
    org.springframework.util.unit.DataSize configured = limits.getMaxBytes();
    assertThat(configured.toMegabytes()).isEqualTo(200); // config/motcua.yml
    limits.setMaxBytes(org.springframework.util.unit.DataSize.ofBytes(size - 1));
    try {
      HttpResponse<String> declared = post(file, false, "admin:admin", "en");
      HttpResponse<String> chunked = send(HttpRequest.BodyPublishers.ofInputStream(() -> {
        try {
          return Files.newInputStream(file);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }), "admin:admin", "vi");
      for (HttpResponse<String> response : List.of(declared, chunked)) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("IMPORT_TOO_LARGE");
      }
      assertThat(JSON.readTree(declared.body()).path("detail").asText()).startsWith("The import file is larger");
      assertThat(jdbc.queryForObject("select count(*) from import_job", Long.class)).isEqualTo(jobs);
      assertThat(imported("000.00.12.H30-210801-%")).isZero();
      assertThat(spooledFiles()).isEqualTo(spooled);

      // At the limit exactly, the same file goes in.
      limits.setMaxBytes(org.springframework.util.unit.DataSize.ofBytes(size));
      assertThat(importAndWait(file, false).path("rowsImported").asLong()).isEqualTo(100);
    } finally {
      limits.setMaxBytes(configured);
    }
  }

  /** Spooled import files holding this test's lines (other runs on the machine share the temporary folder). */
  private static long spooledFiles() throws IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("motcua-import-")).filter(f -> {
        try {
          return Files.readString(f, StandardCharsets.ISO_8859_1).contains("000.00.12.H30-210801-");
        } catch (IOException goneMeanwhile) {
          return false;
        }
      }).count();
    }
  }

  @Test
  void aWrongHeaderIsRefusedAtOnceInTheCallersLanguage() throws Exception {
    Path file = csv("header.csv", "ma_ho_so,thu_tuc", "X,Y");
    HttpResponse<String> response = post(file, false, "admin:admin", "en");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("code").asText()).isEqualTo("IMPORT_BAD_HEADER");
    assertThat(problem.path("detail").asText()).startsWith("The first line of the CSV must be exactly: code,");
    assertThat(post(csv("empty.csv"), false, "admin:admin", "vi").statusCode()).isEqualTo(400);
  }

  @Test
  void importingTheSameFileTwiceCountsEachDossierOnce() throws Exception {
    Path file = csv("twice.csv", HistoryCsv.HEADER,
        "000.01.21.H30-210503-0001,1.001193.000.00.21.H30,000.01.21.H30,2,2021-05-03T08:00,2021-05-03T08:30,2021-05-03T17:00,"
            + "2021-05-03T16:00,2021-05-03T16:30,10,0,0,,,",
        "000.01.21.H30-210504-0002,1.001193.000.00.21.H30,000.01.21.H30,1,2021-05-04T08:00,2021-05-04T08:30,2021-05-04T17:00,"
            + "2021-05-05T09:00,,8,2,0,,,",
        "000.01.21.H30-210504-0003,1.001193.000.00.21.H30,000.01.21.H30,1,2021-05-04T08:00,,,,,3,0,0,,,");
    JsonNode first = importAndWait(file, false);
    assertThat(first.path("rowsImported").asLong()).as(first.toString()).isEqualTo(3);
    JsonNode second = importAndWait(file, false);
    assertThat(second.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(second.path("rowsImported").asLong()).isZero();
    assertThat(second.path("rowsAlreadyPresent").asLong()).isEqualTo(3);
    JsonNode may = api.get("admin", "/api/reports/summary?from=2021-05-01&to=2021-05-31&agency=000.01.21.H30").body();
    assertThat(may.path("received").asLong()).isEqualTo(2);
    assertThat(may.path("finishedOnTime").asLong()).isEqualTo(1);
    assertThat(may.path("finishedLate").asLong()).isEqualTo(1); // two supplement requests: late whatever the dates
    // An imported dossier is readable like a live one, and no process runs for it.
    JsonNode dossier = api.get("admin", "/api/dossiers/000.01.21.H30-210503-0001").body();
    assertThat(dossier.path("status").asInt()).as(dossier.toString()).isEqualTo(10);
    assertThat(dossier.path("timeliness").asText()).isEqualTo("ON_TIME");
    assertThat(dossier.path("currentSteps")).isEmpty();
  }

  /**
   * An import runs in the memory of the node that received it; when that node stops (a crash, a restart) the job
   * makes no more progress, and after {@code motcua.imports.abandoned-after} (10 minutes) it is reported failed so
   * that the administrator sends the file again. A job that is still making progress stays RUNNING.
   */
  @Test
  void anImportWhoseNodeStoppedIsReportedFailedOnceItMakesNoProgress() {
    LocalDateTime now = LocalDateTime.now(clock);
    String stopped = java.util.UUID.randomUUID().toString();
    String running = java.util.UUID.randomUUID().toString();
    String insert = "insert into import_job (id, state, skip_invalid, started_by, started_at, heartbeat_at) "
        + "values (?, 'RUNNING', false, 'admin', ?, ?)";
    jdbc.update(insert, stopped, Timestamp.valueOf(now.minusHours(1)), Timestamp.valueOf(now.minusMinutes(11)));
    jdbc.update(insert, running, Timestamp.valueOf(now.minusHours(1)), Timestamp.valueOf(now.minusMinutes(2)));

    JsonNode failed = api.get("admin", "/api/admin/imports/" + stopped).body();
    assertThat(failed.path("state").asText()).isEqualTo("FAILED");
    assertThat(failed.path("failure").asText()).startsWith("NODE_STOPPED");
    assertThat(failed.path("finishedAt").isNull()).isFalse();
    assertThat(api.get("admin", "/api/admin/imports/" + running).body().path("state").asText()).isEqualTo("RUNNING");
  }

  @Test
  void onlyAnAdministratorMayImport() throws Exception {
    Path file = csv("denied.csv", HistoryCsv.HEADER);
    for (String user : List.of("supervisor.tinh:demo", "clerk.stp:demo", "citizen:demo")) {
      HttpResponse<String> response = post(file, false, user, null);
      assertThat(response.statusCode()).as(user).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("ACCESS_DENIED");
    }
    HttpResponse<String> anonymous = post(file, false, null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(api.get("supervisor.tinh", "/api/admin/imports/x").status()).isEqualTo(403);
    assertThat(api.get("admin", "/api/admin/imports/nope").body().path("code").asText()).isEqualTo("IMPORT_NOT_FOUND");
  }

  private long imported(String codePattern) {
    return jdbc.queryForObject("select count(*) from dossier where code like ?", Long.class, codePattern);
  }

  private static List<Map.Entry<Long, String>> errors(JsonNode job) {
    return StreamSupport.stream(job.path("errors").spliterator(), false)
        .map(e -> Map.entry(e.path("line").asLong(), e.path("reason").asText())).toList();
  }

  private Path csv(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), lines.length == 0 ? "" : String.join("\n", lines) + "\n");
  }

  private JsonNode importAndWait(Path file, boolean skipInvalid) throws Exception {
    HttpResponse<String> response = post(file, skipInvalid, "admin:admin", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String location = response.headers().firstValue("Location").orElseThrow();
    long deadline = System.currentTimeMillis() + 180_000;
    while (true) {
      JsonNode job = api.get("admin", location).body();
      if (!job.path("state").asText().equals("RUNNING") || System.currentTimeMillis() > deadline) {
        return job;
      }
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> post(Path file, boolean skipInvalid, String credentials, String language)
      throws Exception {
    return send(HttpRequest.BodyPublishers.ofFile(file), skipInvalid, credentials, language);
  }

  /** A body of unknown length is sent in chunks (no Content-Length). */
  private HttpResponse<String> send(HttpRequest.BodyPublisher body, String credentials, String language)
      throws Exception {
    return send(body, false, credentials, language);
  }

  private HttpResponse<String> send(HttpRequest.BodyPublisher body, boolean skipInvalid, String credentials,
      String language) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
            + env.getRequiredProperty("local.server.port") + "/api/admin/imports?skipInvalid=" + skipInvalid))
        .header("Content-Type", "text/csv; charset=UTF-8")
        .POST(body);
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
