package org.motcua.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * CSV exports with Vietnamese headers, in UTF-8 with a byte-order mark so that Excel shows the diacritics. Rates are
 * fractions 0–1 with a dot (empty when their denominator is empty), as in the JSON.
 */
final class ReportCsv {

  static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final List<String> FIELDS = List.of("Tiếp nhận", "Tiếp nhận trực tuyến", "Tỷ lệ trực tuyến",
      "Tỷ lệ trực tuyến toàn trình", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết",
      "Đang giải quyết quá hạn", "Tỷ lệ đúng hạn", "Từ kỳ trước chuyển sang", "Rút hồ sơ", "Từ chối giải quyết");

  private ReportCsv() {
  }

  static void summary(Summary s, OutputStream out) throws IOException {
    Writer w = writer(out);
    line(w, concat(List.of("Từ ngày", "Đến ngày", "Cơ quan"), FIELDS));
    line(w, concat(List.of(s.from().toString(), s.to().toString(), s.agency() == null ? "" : s.agency()),
        values(Breakdown.Row.of("", "", s))));
    w.flush();
  }

  static void breakdown(Breakdown b, String groupHeader, OutputStream out) throws IOException {
    Writer w = writer(out);
    line(w, concat(List.of("Mã", groupHeader), FIELDS));
    for (Breakdown.Row row : b.rows()) {
      line(w, concat(List.of(row.key(), row.label()), values(row)));
    }
    line(w, concat(List.of("", "Tổng cộng"), values(Breakdown.Row.of("", "", b.total()))));
    w.flush();
  }

  /**
   * Writes register lines as they come; the headers (and the attachment) are sent with the first line, so a refusal
   * before it still answers problem+json.
   */
  static final class RegisterWriter implements java.util.function.Consumer<Register.Entry> {
    private final jakarta.servlet.http.HttpServletResponse response;
    private final String fileName;
    private Writer writer;

    RegisterWriter(jakarta.servlet.http.HttpServletResponse response, String fileName) {
      this.response = response;
      this.fileName = fileName;
    }

    @Override
    public void accept(Register.Entry e) {
      try {
        start();
        line(writer, List.of(Long.toString(e.number()), e.code(), e.procedureCode(), e.procedureName(),
            e.agencyCode(), e.channelName(), e.statusName(), t(e.receivedAt()), t(e.dueAt()), t(e.endedAt()),
            t(e.returnedAt()), e.timeliness() == null ? "" : e.timeliness()));
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
        writer = writer(response.getOutputStream());
        line(writer, List.of("STT", "Mã hồ sơ", "Mã thủ tục", "Tên thủ tục", "Cơ quan tiếp nhận", "Hình thức nộp",
            "Trạng thái", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Ngày trả kết quả",
            "Kết quả xử lý"));
      }
    }

    private static String t(java.time.LocalDateTime time) {
      return time == null ? "" : time.toString().replace('T', ' ');
    }
  }

  private static Writer writer(OutputStream out) throws IOException {
    out.write(BOM);
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  private static List<String> values(Breakdown.Row r) {
    return List.of(n(r.received()), n(r.receivedOnline()), rate(r.onlineRate()), rate(r.fullOnlineRate()),
        n(r.finished()), n(r.finishedEarly()), n(r.finishedOnTime()), n(r.finishedLate()), n(r.inProgress()),
        n(r.inProgressOverdue()), rate(r.onTimeRate()), n(r.carriedOver()), n(r.withdrawn()), n(r.refused()));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String n(long v) {
    return Long.toString(v);
  }

  private static String rate(Double r) {
    return r == null ? "" : String.format(Locale.ROOT, "%.4f", r);
  }

  static void line(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(quote(cells.get(i)));
    }
    w.write("\r\n");
  }

  private static String quote(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
