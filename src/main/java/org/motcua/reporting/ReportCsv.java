package org.motcua.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.motcua.common.CsvWriter;

/**
 * CSV exports with Vietnamese headers, through the application's one {@link CsvWriter}. Counts are number cells;
 * rates are fractions 0–1 with a dot and four decimals (empty when their denominator is empty), as in the JSON.
 */
final class ReportCsv {

  static final String MEDIA_TYPE = CsvWriter.MEDIA_TYPE;
  private static final List<String> FIELDS = List.of("Tiếp nhận", "Tiếp nhận trực tuyến", "Tỷ lệ trực tuyến",
      "Tỷ lệ trực tuyến toàn trình", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết",
      "Đang giải quyết quá hạn", "Tỷ lệ đúng hạn", "Từ kỳ trước chuyển sang", "Rút hồ sơ", "Từ chối giải quyết",
      "Trễ hạn do cơ quan này", "Không hài lòng hoặc có phản ánh", "Tỷ lệ hài lòng");

  private ReportCsv() {
  }

  static void summary(Summary s, OutputStream out) throws IOException {
    CsvWriter w = new CsvWriter(out);
    w.line(concat(List.of("Từ ngày", "Đến ngày", "Cơ quan"), FIELDS));
    w.line(concat(List.of(s.from().toString(), s.to().toString(), s.agency() == null ? "" : s.agency()),
        values(Breakdown.Row.of("", "", s))));
    w.flush();
  }

  static void breakdown(Breakdown b, String groupHeader, OutputStream out) throws IOException {
    CsvWriter w = new CsvWriter(out);
    w.line(concat(List.of("Mã", groupHeader), FIELDS));
    for (Breakdown.Row row : b.rows()) {
      w.line(concat(List.of(row.key(), row.label()), values(row)));
    }
    w.line(concat(List.of("", "Tổng cộng"), values(Breakdown.Row.of("", "", b.total()))));
    w.flush();
  }

  /**
   * Writes register lines as they come; the headers (and the attachment) are sent with the first line, so a refusal
   * before it still answers problem+json.
   */
  static final class RegisterWriter implements java.util.function.Consumer<Register.Entry> {
    private final jakarta.servlet.http.HttpServletResponse response;
    private final String fileName;
    private CsvWriter writer;

    RegisterWriter(jakarta.servlet.http.HttpServletResponse response, String fileName) {
      this.response = response;
      this.fileName = fileName;
    }

    @Override
    public void accept(Register.Entry e) {
      try {
        start();
        writer.line(e.number(), e.code(), e.procedureCode(), e.procedureName(), e.agencyCode(), e.channelName(),
            e.statusName(), t(e.receivedAt()), t(e.dueAt()), t(e.endedAt()), t(e.returnedAt()), e.timeliness());
      } catch (IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    }

    void finish() throws IOException {
      start();
      writer.flush();
    }

    private void start() throws IOException {
      if (writer == null) {
        ReportController.attachment(response, fileName, MEDIA_TYPE);
        writer = new CsvWriter(response.getOutputStream());
        writer.line("STT", "Mã hồ sơ", "Mã thủ tục", "Tên thủ tục", "Cơ quan tiếp nhận", "Hình thức nộp",
            "Trạng thái", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Ngày trả kết quả",
            "Kết quả xử lý");
      }
    }

    private static String t(java.time.LocalDateTime time) {
      return time == null ? "" : time.toString().replace('T', ' ');
    }
  }

  private static List<Object> values(Breakdown.Row r) {
    return List.of(r.received(), r.receivedOnline(), rate(r.onlineRate()), rate(r.fullOnlineRate()),
        r.finished(), r.finishedEarly(), r.finishedOnTime(), r.finishedLate(), r.inProgress(),
        r.inProgressOverdue(), rate(r.onTimeRate()), r.carriedOver(), r.withdrawn(), r.refused(),
        r.lateCausedBy() == null ? "" : r.lateCausedBy(), r.dissatisfied(), rate(r.satisfactionRate()));
  }

  private static List<Object> concat(List<?> a, List<?> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A number cell with four decimals ("0.8830"), or an empty cell. */
  private static Object rate(Double r) {
    return r == null ? "" : new BigDecimal(String.format(java.util.Locale.ROOT, "%.4f", r));
  }
}
