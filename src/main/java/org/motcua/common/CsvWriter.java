package org.motcua.common;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The one CSV writer of the application (reports, register, reconciliation): UTF-8 with a byte-order mark so that
 * spreadsheet programs show the Vietnamese headers, CRLF line ends, RFC 4180 quoting.
 *
 * <p>Against formula injection (OWASP "CSV Injection"), a <em>text</em> cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a leading single quote, so a spreadsheet shows it as text
 * instead of evaluating it; a cell with a comma, a double quote, CR or LF is quoted, its quotes doubled. Numbers the
 * application computes ({@link Number} cells: counts, amounts, rates) are not text from users and are written as
 * they are, so {@code -5} stays the number -5; any other value (codes, names, references from a gateway) is text.
 */
public final class CsvWriter implements Flushable {

  public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Writer out;

  /** Starts the file: writes the byte-order mark at once. */
  public CsvWriter(OutputStream out) throws IOException {
    out.write(BOM);
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /** One line; {@code null} is an empty cell. */
  public CsvWriter line(List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
    return this;
  }

  public CsvWriter line(Object... cells) throws IOException {
    return line(Arrays.asList(cells));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** The cell as written: numbers as they are, anything else as neutralised, quoted-if-needed text. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    return quote(neutralise(value.toString()));
  }

  /** A leading {@code '} keeps a spreadsheet from reading the text as a formula. */
  static String neutralise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return formula ? "'" + text : text;
  }

  static String quote(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
    }
    return text;
  }
}
