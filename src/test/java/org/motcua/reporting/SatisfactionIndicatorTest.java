package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The satisfaction indicator (Decision 766 group 5) on a small data set counted by hand: real dossiers of Sở Tư pháp
 * (criminal record certificate, 10 working days) through the whole process in January–February 2018 (no year of
 * 2018 in config/calendar.yml: only weekends are off), rated and written about through the API.
 *
 * <pre>
 * dossier  received             ended        rating  feedback           January          February
 * D0       Tue 16/1 09:00       Wed 17/1     1       —                  finished, dislike  —
 * D6       Mon 22/1 09:00       Mon 12/3     —       written            open, feedback     open OVERDUE (due Mon 5/2), feedback
 * D1       Thu 1/2 09:00        Fri 2/2      5       —                  —                finished
 * D2       Thu 1/2 10:00        Fri 2/2      2       —                  —                finished, dislike
 * D3       Thu 1/2 11:00        Fri 2/2      3       —                  —                finished (3 is not a dislike)
 * D4       Mon 26/2 09:00       Mon 12/3     —       written            —                open (due 12/3), feedback
 * D5       Mon 26/2 10:00       Mon 12/3     —       written, rejected  —                open, rejected: not counted
 * (and a feedback about the procedure itself, about no dossier: counts nowhere)
 *
 * January:  in scope D0, D6 = 2; overdue 0; dissatisfied D0, D6 = 2      → 1 − (0 + 2) / 2 = 0
 * February: in scope D1–D6 = 6; overdue D6 = 1; dissatisfied D2, D4, D6 = 3 → 1 − (1 + 3) / 6 = 0.3333
 * Jan–Feb:  in scope D0–D6 = 7; overdue D6 = 1; dissatisfied D0, D2, D4, D6 = 4 → 1 − (1 + 4) / 7 = 0.2857
 * </pre>
 */
@MotcuaTest
class SatisfactionIndicatorTest {

  static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  static final String STP = "000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  TestClock clock;
  @Autowired
  SummaryQuery raw;
  @Autowired
  SatisfactionRecount recount;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theRateIsOneMinusOverdueAndDissatisfiedOverTheTimelinessScope() throws Exception {
    Dossiers flow = new Dossiers(api);
    String d0 = received(flow, LocalDateTime.of(2018, 1, 16, 9, 0));
    returned(flow, d0, LocalDateTime.of(2018, 1, 17, 10, 0));
    rate(d0, 1, LocalDateTime.of(2018, 1, 18, 9, 0));
    String d6 = received(flow, LocalDateTime.of(2018, 1, 22, 9, 0));
    feedback(d6, LocalDateTime.of(2018, 1, 23, 9, 0));
    String[] finished = new String[3];
    int[] ratings = {5, 2, 3};
    for (int i = 0; i < 3; i++) {
      finished[i] = received(flow, LocalDateTime.of(2018, 2, 1, 9 + i, 0));
      returned(flow, finished[i], LocalDateTime.of(2018, 2, 2, 9 + i, 0));
      rate(finished[i], ratings[i], LocalDateTime.of(2018, 2, 2, 15, 0));
    }
    String d4 = received(flow, LocalDateTime.of(2018, 2, 26, 9, 0));
    feedback(d4, LocalDateTime.of(2018, 2, 27, 9, 0));
    String d5 = received(flow, LocalDateTime.of(2018, 2, 26, 10, 0));
    long rejected = feedback(d5, LocalDateTime.of(2018, 2, 27, 9, 30));
    assertThat(api.post("clerk.stp", "/api/feedback/" + rejected + "/rejection",
        Map.of("text", "Hồ sơ đang trong hạn giải quyết.")).status()).isEqualTo(200);
    assertThat(api.post("citizen", "/api/feedback", Map.of("procedureCode", CRIMINAL_RECORD,
        "title", "Về thủ tục", "content", "Đề nghị giảm thành phần hồ sơ.")).status()).isEqualTo(201);
    // The open ones end in March, after the periods counted (still open at the end of February), so that they are
    // not carried over into the periods other tests count.
    returned(flow, d6, LocalDateTime.of(2018, 3, 12, 9, 0));
    returned(flow, d4, LocalDateTime.of(2018, 3, 12, 10, 0));
    returned(flow, d5, LocalDateTime.of(2018, 3, 12, 11, 0));
    clock.reset();

    String agency = "&agency=" + STP;
    JsonNode january = summary("2018-01-01", "2018-01-31", agency);
    assertThat(counts(january)).containsExactly(1L, 1L, 0L, 0L, 2L);
    assertThat(january.path("satisfactionRate").asDouble()).isEqualTo(0.0);
    JsonNode february = summary("2018-02-01", "2018-02-28", agency);
    assertThat(counts(february)).containsExactly(3L, 3L, 0L, 1L, 3L);
    assertThat(february.path("satisfactionRate").asDouble()).isCloseTo(2.0 / 6, within(1e-9));
    JsonNode both = summary("2018-01-01", "2018-02-28", agency);
    assertThat(counts(both)).containsExactly(4L, 3L, 0L, 1L, 4L);
    assertThat(both.path("satisfactionRate").asDouble()).isCloseTo(2.0 / 7, within(1e-9));
    // No dossier in scope: null, not 0.
    assertThat(summary("2017-06-01", "2017-06-30", agency).path("satisfactionRate").isNull()).isTrue();

    // The raw scan (dossier_facts) says the same as the counters.
    Summary scanned = raw.summarize(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 2, 28), STP,
        LocalDateTime.of(2018, 3, 1, 0, 0));
    assertThat(scanned.dissatisfied()).isEqualTo(4);
    assertThat(scanned.satisfactionRate()).isCloseTo(2.0 / 7, within(1e-9));

    // The month series and its CSV export.
    JsonNode months = api.get("supervisor.stp", "/api/reports/breakdown?by=month&from=2018-01-01&to=2018-02-28"
        + agency).body();
    assertThat(months.path("rows").findValuesAsText("key")).containsExactly("2018-01", "2018-02");
    assertThat(months.path("rows").get(0).path("dissatisfied").asLong()).isEqualTo(2);
    assertThat(months.path("rows").get(0).path("satisfactionRate").asDouble()).isEqualTo(0.0);
    assertThat(months.path("rows").get(1).path("dissatisfied").asLong()).isEqualTo(3);
    assertThat(months.path("rows").get(1).path("satisfactionRate").asDouble()).isCloseTo(2.0 / 6, within(1e-9));
    assertThat(months.path("total").path("dissatisfied").asLong()).isEqualTo(4);
    Api.Response csv = api.get("supervisor.stp", "/api/reports/breakdown?by=month&from=2018-01-01&to=2018-02-28"
        + agency + "&format=csv");
    List<String> lines = new String(csv.raw(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).endsWith(",Không hài lòng hoặc có phản ánh,Tỷ lệ hài lòng");
    assertThat(lines.get(1)).startsWith("2018-01,").endsWith(",2,0.0000");
    assertThat(lines.get(2)).startsWith("2018-02,").endsWith(",3,0.3333");
    assertThat(lines.get(3)).contains("Tổng cộng").endsWith(",4,0.2857");

    // The Excel export: the two columns after "Trễ hạn do cơ quan này", one line per month and the total.
    Api.Response xlsx = api.get("supervisor.stp", "/api/reports/breakdown?by=month&from=2018-01-01&to=2018-02-28"
        + agency + "&format=xlsx");
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.raw()))) {
      var sheet = wb.getSheetAt(0);
      int headerRow = -1;
      int column = -1;
      for (var row : sheet) {
        for (var cell : row) {
          if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
              && cell.getStringCellValue().equals("Tỷ lệ hài lòng")) {
            headerRow = row.getRowNum();
            column = cell.getColumnIndex();
          }
        }
      }
      assertThat(column).as("a column Tỷ lệ hài lòng").isPositive();
      // Two header lines, then the line of column numbers, then the months and the total.
      double[][] expected = {{2, 0.0}, {3, 2.0 / 6}, {4, 2.0 / 7}};
      for (int i = 0; i < expected.length; i++) {
        var row = sheet.getRow(headerRow + 3 + i);
        assertThat(row.getCell(column - 1).getNumericCellValue()).isEqualTo(expected[i][0]);
        assertThat(row.getCell(column).getNumericCellValue()).isCloseTo(expected[i][1], within(1e-9));
      }
    }

    // A recount (what a changed rule in config/feedback.yml triggers at start-up) rebuilds the same counters.
    new TransactionTemplate(transactions).executeWithoutResult(s -> {
      jdbc.update("update satisfaction_rule set rule = 'changed' where id = 1");
      assertThat(recount.recountIfChanged()).isTrue();
    });
    assertThat(summary("2018-01-01", "2018-02-28", agency)).isEqualTo(both);
    assertThat(summary("2018-02-01", "2018-02-28", agency)).isEqualTo(february);
  }

  /** finished, inProgress, finishedLate, inProgressOverdue, dissatisfied. */
  private static List<Long> counts(JsonNode s) {
    return List.of(s.path("finished").asLong(), s.path("inProgress").asLong(), s.path("finishedLate").asLong(),
        s.path("inProgressOverdue").asLong(), s.path("dissatisfied").asLong());
  }

  private JsonNode summary(String from, String to, String agency) {
    Api.Response r = api.get("supervisor.stp", "/api/reports/summary?from=" + from + "&to=" + to + agency);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.body();
  }

  private String received(Dossiers flow, LocalDateTime at) {
    clock.set(at);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", code, "accept", null);
    return code;
  }

  private void returned(Dossiers flow, String code, LocalDateTime at) {
    clock.set(at.minusMinutes(30));
    flow.decide("specialist.stp", code, "forward", null);
    flow.decide("leader.stp", code, "approve", null);
    flow.payAtCounter("clerk.stp", code);
    flow.uploadResult("leader.stp", code);
    clock.set(at);
    flow.decide("clerk.stp", code, "return", null);
  }

  private void rate(String code, int rating, LocalDateTime at) {
    clock.set(at);
    Api.Response r = api.post("citizen", "/api/dossiers/" + code + "/rating", Map.of("rating", rating));
    assertThat(r.status()).as("%s", r).isEqualTo(200);
  }

  private long feedback(String code, LocalDateTime at) {
    clock.set(at);
    Api.Response r = api.post("citizen", "/api/feedback", Map.of("dossierCode", code, "title", "Chậm",
        "content", "Hồ sơ chậm."));
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.body().path("id").asLong();
  }
}
