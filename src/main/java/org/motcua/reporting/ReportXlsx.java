package org.motcua.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.springframework.stereotype.Component;

/**
 * Excel exports (XLSX) in the layout of a provincial report on the handling of administrative procedures: title rows
 * (the report, the period, the agency), then the table with its column groups — dossiers to handle (total, received
 * new in the period, carried over), handled (total, early, on time, late), in progress (total, not yet due,
 * overdue), withdrawn, refused — the on-time rate, the online figures, and a "Tổng cộng" line. Counts are numbers and
 * rates are fractions shown as percentages, so the workbook computes like the JSON it comes from. The register is
 * written with {@link SXSSFWorkbook}, which keeps only a window of rows in memory.
 */
@Component
class ReportXlsx {

  static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String TITLE = "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
  static final String REGISTER_TITLE = "SỔ THEO DÕI HỒ SƠ";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** The table's columns after STT and the group's name: the second header line, under its group (first line). */
  private static final String[][] COLUMNS = {
      {"Số hồ sơ nhận giải quyết", "Tổng số"}, {"Số hồ sơ nhận giải quyết", "Mới tiếp nhận trong kỳ"},
      {"Số hồ sơ nhận giải quyết", "Từ kỳ trước chuyển sang"},
      {"Số hồ sơ đã giải quyết", "Tổng số"}, {"Số hồ sơ đã giải quyết", "Trước hạn"},
      {"Số hồ sơ đã giải quyết", "Đúng hạn"}, {"Số hồ sơ đã giải quyết", "Quá hạn"},
      {"Số hồ sơ đang giải quyết", "Tổng số"}, {"Số hồ sơ đang giải quyết", "Chưa đến hạn"},
      {"Số hồ sơ đang giải quyết", "Quá hạn"},
      {"Rút hồ sơ", null}, {"Từ chối giải quyết", null}, {"Tỷ lệ giải quyết đúng hạn", null},
      {"Tiếp nhận trực tuyến", null}, {"Tỷ lệ hồ sơ trực tuyến", null}, {"Trễ hạn do cơ quan này", null},
      {"Không hài lòng hoặc có phản ánh", null}, {"Tỷ lệ hài lòng", null}};
  /** The sheet columns (0-based) that hold rates, for their width. */
  private static final List<Integer> RATE_COLUMNS = List.of(2 + 12, 2 + 14, 2 + 17);

  private final Catalog catalog;

  ReportXlsx(Catalog catalog) {
    this.catalog = catalog;
  }

  void summary(Summary s, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      Sheet sheet = wb.createSheet("Tổng hợp");
      int r = titles(sheet, st, TITLE, s.from(), s.to(), s.agency(), null, COLUMNS.length + 2);
      r = tableHeader(sheet, st, r, "Cơ quan");
      r = tableRow(sheet, st, r, "1", scopeName(s.agency()), Breakdown.Row.of("", "", s), false);
      r++;
      Row head = sheet.createRow(r++);
      text(head, 0, "Các chỉ số khác (Quyết định 766/QĐ-TTg)", st.bold);
      Object[][] others = {
          {"Tỷ lệ trực tuyến toàn trình", s.fullOnlineRate()},
          {"Tỷ lệ hồ sơ được số hóa thành phần", s.componentsDigitizedRate()},
          {"Tỷ lệ kết quả được số hóa", s.resultDigitizedRate()},
          {"Tỷ lệ tái sử dụng dữ liệu số hóa", s.reuseRate()},
          {"Số hồ sơ thủ tục có phí, lệ phí", s.feeDossiers()},
          {"Số hồ sơ thanh toán trực tuyến", s.paidOnline()},
          {"Tỷ lệ thanh toán trực tuyến", s.onlinePaymentRate()},
          {"Tỷ lệ thủ tục có phát sinh thanh toán trực tuyến", s.proceduresWithOnlinePaymentRate()}};
      for (Object[] o : others) {
        Row row = sheet.createRow(r++);
        text(row, 0, (String) o[0], st.text);
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 3));
        Cell c = row.createCell(4);
        if (o[1] instanceof Long n) {
          c.setCellValue(n);
          c.setCellStyle(st.number);
        } else {
          rate(c, (Double) o[1], st);
        }
      }
      widths(sheet);
      wb.write(out);
    }
  }

  void breakdown(Breakdown b, String groupHeader, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      Sheet sheet = wb.createSheet("Báo cáo");
      int r = titles(sheet, st, TITLE, b.from(), b.to(), b.agency(), groupHeader, COLUMNS.length + 2);
      r = tableHeader(sheet, st, r, groupHeader);
      int n = 0;
      for (Breakdown.Row row : b.rows()) {
        String name = row.label().equals(row.key()) ? row.label() : row.label() + " (" + row.key() + ")";
        r = tableRow(sheet, st, r, Integer.toString(++n), name, row, false);
      }
      tableRow(sheet, st, r, "", "Tổng cộng", Breakdown.Row.of("", "", b.total()), true);
      widths(sheet);
      wb.write(out);
    }
  }

  /**
   * The register: feed it entries ({@link #accept}), then {@link #write}. Rows beyond a window of 200 go to a
   * temporary file, so a register of a million lines needs no more memory than one of a hundred.
   */
  final class RegisterSheet implements Consumer<Register.Entry>, AutoCloseable {
    private static final String[] HEADERS = {"STT", "Mã hồ sơ", "Mã thủ tục", "Tên thủ tục", "Cơ quan tiếp nhận",
        "Hình thức nộp", "Trạng thái", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý", "Ngày trả kết quả",
        "Kết quả xử lý"};
    private final SXSSFWorkbook wb = new SXSSFWorkbook(200);
    private final Styles st = new Styles(wb);
    private final Sheet sheet = wb.createSheet("Sổ theo dõi hồ sơ");
    private int next;

    RegisterSheet(LocalDate from, LocalDate to, String agency) {
      wb.setCompressTempFiles(true);
      int r = titles(sheet, st, REGISTER_TITLE, from, to, agency, null, HEADERS.length);
      Row head = sheet.createRow(r++);
      for (int i = 0; i < HEADERS.length; i++) {
        text(head, i, HEADERS[i], st.header);
      }
      next = r;
      int[] widths = {6, 28, 26, 50, 16, 14, 18, 17, 17, 17, 17, 12};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, r);
    }

    @Override
    public void accept(Register.Entry e) {
      Row row = sheet.createRow(next++);
      Cell number = row.createCell(0);
      number.setCellValue(e.number());
      number.setCellStyle(st.number);
      text(row, 1, e.code(), st.text);
      text(row, 2, e.procedureCode(), st.text);
      text(row, 3, e.procedureName(), st.text);
      text(row, 4, e.agencyCode(), st.text);
      text(row, 5, e.channelName(), st.text);
      text(row, 6, e.statusName(), st.text);
      time(row, 7, e.receivedAt());
      time(row, 8, e.dueAt());
      time(row, 9, e.endedAt());
      time(row, 10, e.returnedAt());
      text(row, 11, e.timeliness() == null ? "" : e.timeliness(), st.text);
    }

    private void time(Row row, int column, LocalDateTime t) {
      Cell c = row.createCell(column);
      c.setCellStyle(st.time);
      if (t != null) {
        c.setCellValue(t);
      }
    }

    void write(OutputStream out) throws IOException {
      wb.write(out);
    }

    @Override
    public void close() throws IOException {
      wb.close(); // also deletes the temporary files
    }
  }

  RegisterSheet register(LocalDate from, LocalDate to, String agency) {
    return new RegisterSheet(from, to, agency);
  }

  /** The title block: report name, period, agency (and the grouping); returns the next free row. */
  private int titles(Sheet sheet, Styles st, String title, LocalDate from, LocalDate to, String agency,
      String groupedBy, int width) {
    List<String> lines = new ArrayList<>(List.of(title,
        "Kỳ báo cáo: từ ngày " + from.format(DAY) + " đến ngày " + to.format(DAY),
        "Cơ quan: " + scopeName(agency)));
    if (groupedBy != null) {
      lines.add("Tổng hợp theo: " + groupedBy);
    }
    for (int i = 0; i < lines.size(); i++) {
      Row row = sheet.createRow(i);
      text(row, 0, lines.get(i), i == 0 ? st.title : st.subtitle);
      sheet.addMergedRegion(new CellRangeAddress(i, i, 0, width - 1));
    }
    return lines.size() + 1;
  }

  private String scopeName(String agency) {
    if (agency == null) {
      return "Tất cả cơ quan";
    }
    return catalog.agency(agency).map(Agency::name).map(n -> n + " (" + agency + ")").orElse(agency);
  }

  /** Two header lines (column groups, then columns) and the line of column numbers; returns the next free row. */
  private static int tableHeader(Sheet sheet, Styles st, int r, String groupHeader) {
    Row groups = sheet.createRow(r);
    Row columns = sheet.createRow(r + 1);
    Row numbers = sheet.createRow(r + 2);
    text(groups, 0, "STT", st.header);
    text(columns, 0, "", st.header);
    text(groups, 1, groupHeader, st.header);
    text(columns, 1, "", st.header);
    sheet.addMergedRegion(new CellRangeAddress(r, r + 1, 0, 0));
    sheet.addMergedRegion(new CellRangeAddress(r, r + 1, 1, 1));
    int groupStart = -1;
    for (int i = 0; i < COLUMNS.length; i++) {
      int c = i + 2;
      text(groups, c, COLUMNS[i][0], st.header);
      text(columns, c, COLUMNS[i][1] == null ? "" : COLUMNS[i][1], st.header);
      if (COLUMNS[i][1] == null) {
        sheet.addMergedRegion(new CellRangeAddress(r, r + 1, c, c));
      }
      boolean startsGroup = i == 0 || !COLUMNS[i][0].equals(COLUMNS[i - 1][0]);
      if (startsGroup) {
        groupStart = c;
      }
      boolean endsGroup = i == COLUMNS.length - 1 || !COLUMNS[i][0].equals(COLUMNS[i + 1][0]);
      if (endsGroup && c > groupStart) {
        sheet.addMergedRegion(new CellRangeAddress(r, r, groupStart, c));
      }
    }
    for (int c = 0; c < COLUMNS.length + 2; c++) {
      text(numbers, c, "(" + (c + 1) + ")", st.header);
    }
    return r + 3;
  }

  private static int tableRow(Sheet sheet, Styles st, int r, String number, String name, Breakdown.Row v,
      boolean total) {
    Row row = sheet.createRow(r);
    text(row, 0, number, total ? st.boldText : st.text);
    text(row, 1, name, total ? st.boldText : st.text);
    long[] counts = {v.finished() + v.inProgress(), v.received(), v.carriedOver(), v.finished(), v.finishedEarly(),
        v.finishedOnTime(), v.finishedLate(), v.inProgress(), v.inProgress() - v.inProgressOverdue(),
        v.inProgressOverdue(), v.withdrawn(), v.refused()};
    for (int i = 0; i < counts.length; i++) {
      Cell c = row.createCell(2 + i);
      c.setCellValue(counts[i]);
      c.setCellStyle(total ? st.boldNumber : st.number);
    }
    rate(row.createCell(2 + 12), v.onTimeRate(), st);
    Cell online = row.createCell(2 + 13);
    online.setCellValue(v.receivedOnline());
    online.setCellStyle(total ? st.boldNumber : st.number);
    rate(row.createCell(2 + 14), v.onlineRate(), st);
    Cell causedBy = row.createCell(2 + 15);
    causedBy.setCellStyle(total ? st.boldNumber : st.number);
    if (v.lateCausedBy() != null) {
      causedBy.setCellValue(v.lateCausedBy());
    }
    Cell dissatisfied = row.createCell(2 + 16);
    dissatisfied.setCellValue(v.dissatisfied());
    dissatisfied.setCellStyle(total ? st.boldNumber : st.number);
    rate(row.createCell(2 + 17), v.satisfactionRate(), st);
    return r + 1;
  }

  /** A rate as a fraction with a percentage format; an empty denominator leaves the cell blank, as null in JSON. */
  private static void rate(Cell c, Double value, Styles st) {
    c.setCellStyle(st.percent);
    if (value != null) {
      c.setCellValue(value);
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell c = row.createCell(column);
    c.setCellValue(value);
    c.setCellStyle(style);
  }

  private static void widths(Sheet sheet) {
    sheet.setColumnWidth(0, 6 * 256);
    sheet.setColumnWidth(1, 48 * 256);
    for (int c = 2; c < COLUMNS.length + 2; c++) {
      sheet.setColumnWidth(c, (RATE_COLUMNS.contains(c) ? 14 : 12) * 256);
    }
  }

  /** The few cell styles a workbook shares (a workbook holds at most 64,000 styles: never one per cell). */
  private static final class Styles {
    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle header;
    final CellStyle text;
    final CellStyle boldText;
    final CellStyle bold;
    final CellStyle number;
    final CellStyle boldNumber;
    final CellStyle percent;
    final CellStyle time;

    Styles(Workbook wb) {
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 13);
      Font strong = wb.createFont();
      strong.setBold(true);
      Font italic = wb.createFont();
      italic.setItalic(true);
      title = wb.createCellStyle();
      title.setFont(big);
      title.setAlignment(HorizontalAlignment.CENTER);
      subtitle = wb.createCellStyle();
      subtitle.setFont(italic);
      subtitle.setAlignment(HorizontalAlignment.CENTER);
      header = bordered(wb);
      header.setFont(strong);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setWrapText(true);
      text = bordered(wb);
      boldText = bordered(wb);
      boldText.setFont(strong);
      bold = wb.createCellStyle();
      bold.setFont(strong);
      number = bordered(wb);
      number.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
      boldNumber = bordered(wb);
      boldNumber.setFont(strong);
      boldNumber.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
      percent = bordered(wb);
      percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
      time = bordered(wb);
      time.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    }

    private static CellStyle bordered(Workbook wb) {
      CellStyle s = wb.createCellStyle();
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      return s;
    }
  }
}
