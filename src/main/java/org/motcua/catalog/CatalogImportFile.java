package org.motcua.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A catalogue import file read into rows of text cells: CSV (UTF-8, a byte-order mark tolerated, comma or semicolon
 * separated, quoted cells may hold line breaks) or XLSX (its first sheet, cells as Excel shows them). The first
 * non-empty row is the header; empty rows are skipped. Each row keeps the line a person finds it on: the CSV line where
 * the record starts, or the spreadsheet's row number.
 */
final class CatalogImportFile {

  /** A row of cells, and where it is. */
  record Line(int number, List<String> cells) {

    /** The cell trimmed; a leading {@code '} that kept a spreadsheet from reading a formula is dropped. */
    String cell(int index) {
      String cell = index < cells.size() ? cells.get(index).trim() : "";
      boolean neutralised = cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0;
      return neutralised ? cell.substring(1) : cell;
    }
  }

  /** The file as read: the header line and the data lines. */
  record Table(Line header, List<Line> lines) {
  }

  /** A file that cannot be read at all, with the refusal that says why. */
  static final class Unreadable extends RuntimeException {
    final CatalogImportRefusal refusal;
    final Object[] args;

    Unreadable(CatalogImportRefusal refusal, Object... args) {
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
      this.args = args;
    }
  }

  private CatalogImportFile() {
  }

  static Table read(String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
    List<Line> lines;
    if (name.endsWith(".xlsx") || zip) {
      lines = xlsx(content);
    } else if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
      lines = csv(text(content));
    } else {
      throw new Unreadable(CatalogImportRefusal.CATALOGUE_IMPORT_FORMAT, fileName);
    }
    lines = lines.stream().filter(l -> l.cells().stream().anyMatch(c -> !c.isBlank())).toList();
    if (lines.size() < 2) {
      throw new Unreadable(CatalogImportRefusal.CATALOGUE_IMPORT_EMPTY);
    }
    return new Table(lines.get(0), lines.subList(1, lines.size()));
  }

  private static String text(byte[] content) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new Unreadable(CatalogImportRefusal.CATALOGUE_IMPORT_NOT_UTF8);
    }
  }

  /** RFC 4180: quotes optional, {@code ""} inside quotes, line breaks inside quotes belong to the cell. */
  static List<Line> csv(String text) {
    char separator = separator(text);
    List<Line> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int start = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          if (c != '\r') {
            cell.append(c);
          }
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == separator) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        lines.add(new Line(start, List.copyOf(cells)));
        cells.clear();
        line++;
        start = line;
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new Unreadable(CatalogImportRefusal.CATALOGUE_IMPORT_UNCLOSED_QUOTE, start);
    }
    if (cell.length() > 0 || !cells.isEmpty()) {
      cells.add(cell.toString());
      lines.add(new Line(start, List.copyOf(cells)));
    }
    return lines;
  }

  /**
   * A spreadsheet saved as CSV in a Vietnamese locale separates with semicolons (the comma is the decimal mark): the
   * separator is the one the header line uses more, outside quotes.
   */
  private static char separator(String text) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length() && (quoted || text.charAt(i) != '\n'); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  private static List<Line> xlsx(byte[] content) {
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = book.getSheetAt(0);
      DataFormatter format = new DataFormatter(Locale.ROOT);
      List<Line> lines = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : format.formatCellValue(cell));
        }
        lines.add(new Line(row.getRowNum() + 1, List.copyOf(cells)));
      }
      return lines;
    } catch (IOException | RuntimeException e) {
      throw new Unreadable(CatalogImportRefusal.CATALOGUE_IMPORT_FORMAT, "xlsx");
    }
  }
}
