package org.motcua.forms;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small layout helper over one PDF document: a cursor that runs down the page, wrapped and centered text, rich
 * paragraphs mixing regular and bold, tables that break across pages repeating their header, and barcodes drawn as
 * vector bars. {@code y} is always the top of the free space; blocks move it down and start a new page when they do
 * not fit.
 */
final class Sheet implements Closeable {

  private static final float MM = 72f / 25.4f;
  static final float BODY = 10.5f;
  private static final float ASCENT = 0.93f;
  private static final float PARAGRAPH_LEADING = 1.4f;
  private static final float PARAGRAPH_GAP = 2f;
  private static final float CELL_LEADING = 1.2f;
  private static final float CELL_PADDING = 3f;
  private static final float SIGNING_SPACE = 62f;
  /** Height of a row of signature blocks (names on one line), which is never split across pages. */
  static final float SIGNATURES_HEIGHT = 8 + BODY * PARAGRAPH_LEADING * 2 + (BODY - 1.5f) * PARAGRAPH_LEADING
      + SIGNING_SPACE;

  /** A piece of a paragraph in regular or bold type. */
  record Run(String text, boolean bold) {
  }

  enum Align { LEFT, CENTER }

  /** A table column: its title, its share of the table width, and how its cells are aligned. */
  record Column(String title, float weight, Align align) {
  }

  /** A signature block: the signer's capacity in capitals, a hint in parentheses, and the name under the space. */
  record Signature(String title, String hint, String name) {
  }

  private record Word(String text, boolean bold, boolean spaceBefore) {
  }

  private final PDDocument doc;
  private final PDType0Font regular;
  private final PDType0Font bold;
  private final PDRectangle pageSize;
  private final float left;
  private final float right;
  private final float top;
  private final float bottom;
  private final Map<Integer, Boolean> regularGlyphs = new HashMap<>();
  private final Map<Integer, Boolean> boldGlyphs = new HashMap<>();
  private final Map<String, Float> regularWidths = new HashMap<>();
  private final Map<String, Float> boldWidths = new HashMap<>();
  private PDPageContentStream out;
  private float y;

  Sheet(byte[] regularFont, byte[] boldFont, boolean landscape) throws IOException {
    doc = new PDDocument();
    regular = PDType0Font.load(doc, new RandomAccessReadBuffer(regularFont), true, false);
    bold = PDType0Font.load(doc, new RandomAccessReadBuffer(boldFont), true, false);
    PDRectangle a4 = PDRectangle.A4;
    pageSize = landscape ? new PDRectangle(a4.getHeight(), a4.getWidth()) : a4;
    // Margins after Decree 30/2020/NĐ-CP on administrative documents: left 30 mm, right 15 mm, top and bottom 20 mm.
    left = (landscape ? 20 : 30) * MM;
    right = pageSize.getWidth() - 15 * MM;
    top = pageSize.getHeight() - (landscape ? 15 : 20) * MM;
    bottom = (landscape ? 15 : 20) * MM;
    newPage();
  }

  /** Document title and subject in the PDF metadata; the document language is Vietnamese. */
  void describe(String title, String subject) {
    PDDocumentInformation info = doc.getDocumentInformation();
    if (title != null) {
      info.setTitle(title);
    }
    if (subject != null) {
      info.setSubject(subject);
    }
    info.setCreator("motcua");
    doc.getDocumentCatalog().setLanguage("vi-VN");
  }

  float left() {
    return left;
  }

  float width() {
    return right - left;
  }

  float y() {
    return y;
  }

  /** Moves the cursor down; does not break the page (the next block does if it must). */
  void space(float points) {
    y -= points;
  }

  /** Starts a new page when fewer than {@code height} points are left (never leaving an empty page behind). */
  void ensure(float height) throws IOException {
    if (y - height < bottom && y < top) {
      newPage();
    }
  }

  void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(pageSize);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    out.setLineWidth(0.5f);
    y = top;
  }

  // ---- text primitives -------------------------------------------------------------------------------------------

  private PDType0Font font(boolean isBold) {
    return isBold ? bold : regular;
  }

  static float lineHeight(float size) {
    return size * PARAGRAPH_LEADING;
  }

  /** NFC-normalized, control characters turned to spaces, and characters the font lacks replaced by '?'. */
  private String clean(String text, boolean isBold) {
    String s = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder kept = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int replacement = Character.isISOControl(cp) ? ' ' : printable(isBold, cp) ? cp : '?';
      if (replacement != cp && kept == null) {
        kept = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (kept != null) {
        kept.appendCodePoint(replacement);
      }
      i += Character.charCount(cp);
    }
    return kept == null ? s : kept.toString();
  }

  /** Whether the font has a glyph for the code point; remembered per font, as the same letters come back often. */
  private boolean printable(boolean isBold, int codePoint) {
    if (codePoint < 0x7F) {
      return true;
    }
    return (isBold ? boldGlyphs : regularGlyphs).computeIfAbsent(codePoint, cp -> {
      try {
        font(isBold).encode(new String(Character.toChars(cp)));
        return true;
      } catch (IllegalArgumentException | IOException missingGlyph) {
        return false;
      }
    });
  }

  /** Width in points; the width of each distinct string is measured once per document. */
  float textWidth(String text, boolean isBold, float size) throws IOException {
    Map<String, Float> cache = isBold ? boldWidths : regularWidths;
    Float units = cache.get(text);
    if (units == null) {
      units = font(isBold).getStringWidth(clean(text, isBold));
      cache.put(text, units);
    }
    return units / 1000f * size;
  }

  void text(String text, boolean isBold, float size, float x, float baseline) throws IOException {
    out.beginText();
    out.setFont(font(isBold), size);
    out.newLineAtOffset(x, baseline);
    out.showText(clean(text, isBold));
    out.endText();
  }

  /** Breaks text into lines no wider than {@code width}, at spaces, and inside words only when one word is too wide. */
  List<String> wrap(String text, boolean isBold, float size, float width) throws IOException {
    float space = textWidth(" ", isBold, size);
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      for (String word : paragraph.trim().split(" +")) {
        float w = textWidth(word, isBold, size);
        if (!line.isEmpty() && lineWidth + space + w <= width) {
          line.append(' ').append(word);
          lineWidth += space + w;
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        List<String> pieces = w <= width ? List.of(word) : splitWord(word, isBold, size, width);
        lines.addAll(pieces.subList(0, pieces.size() - 1));
        line.append(pieces.get(pieces.size() - 1));
        lineWidth = textWidth(line.toString(), isBold, size);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private List<String> splitWord(String word, boolean isBold, float size, float width) throws IOException {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int cp : word.codePoints().toArray()) {
      String next = piece + new String(Character.toChars(cp));
      if (!piece.isEmpty() && textWidth(next, isBold, size) > width) {
        pieces.add(piece.toString());
        piece.setLength(0);
        piece.appendCodePoint(cp);
      } else {
        piece.setLength(0);
        piece.append(next);
      }
    }
    pieces.add(piece.toString());
    return pieces;
  }

  // ---- blocks ----------------------------------------------------------------------------------------------------

  /** Lines centered in the column [x, x + w] from {@code topY} down; returns the y under the last line. */
  float centeredAt(String text, boolean isBold, float size, float x, float w, float topY) throws IOException {
    float cursor = topY;
    for (String line : wrap(text, isBold, size, w)) {
      float lineWidth = textWidth(line, isBold, size);
      text(line, isBold, size, x + (w - lineWidth) / 2, cursor - size * ASCENT);
      cursor -= lineHeight(size);
    }
    return cursor;
  }

  /** Text centered across the page, wrapped. */
  void centered(String text, boolean isBold, float size) throws IOException {
    ensure(wrap(text, isBold, size, width()).size() * lineHeight(size));
    y = centeredAt(text, isBold, size, left, width(), y);
  }

  /** A horizontal rule from x, w points long, at the height atY. */
  void rule(float x, float w, float atY) throws IOException {
    out.moveTo(x, atY);
    out.lineTo(x + w, atY);
    out.stroke();
  }

  /** A paragraph of regular and bold runs, left-aligned, all lines indented by {@code indent}. */
  void paragraph(float size, float indent, Run... runs) throws IOException {
    float x0 = left + indent;
    float w = width() - indent;
    for (List<List<Word>> line : layoutLines(words(runs), size, w)) {
      ensure(lineHeight(size));
      float x = x0;
      boolean first = true;
      for (List<Word> unit : line) {
        for (Word word : unit) {
          if (word.spaceBefore() && !first) {
            x += textWidth(" ", false, size);
          }
          text(word.text(), word.bold(), size, x, y - size * ASCENT);
          x += textWidth(word.text(), word.bold(), size);
          first = false;
        }
      }
      y -= lineHeight(size);
    }
    y -= PARAGRAPH_GAP;
  }

  void paragraph(Run... runs) throws IOException {
    paragraph(BODY, 0, runs);
  }

  /** Splits runs into words, remembering whether a space came before each, so that runs can be glued together. */
  private List<Word> words(Run... runs) {
    List<Word> words = new ArrayList<>();
    boolean space = false;
    for (Run run : runs) {
      String text = run.text() == null ? "" : run.text().replace('\n', ' ');
      StringBuilder current = new StringBuilder();
      for (char c : text.toCharArray()) {
        if (c != ' ') {
          current.append(c);
          continue;
        }
        if (!current.isEmpty()) {
          words.add(new Word(current.toString(), run.bold(), space));
          current.setLength(0);
        }
        space = true;
      }
      if (!current.isEmpty()) {
        words.add(new Word(current.toString(), run.bold(), space));
        space = false;
      }
    }
    return words;
  }

  /** Groups glued words into unbreakable units and fills lines with them. */
  private List<List<List<Word>>> layoutLines(List<Word> words, float size, float w) throws IOException {
    List<List<Word>> units = new ArrayList<>();
    for (Word word : words) {
      if (units.isEmpty() || word.spaceBefore()) {
        units.add(new ArrayList<>());
      }
      units.get(units.size() - 1).add(word);
    }
    float space = textWidth(" ", false, size);
    List<List<List<Word>>> lines = new ArrayList<>();
    List<List<Word>> line = new ArrayList<>();
    float lineWidth = 0;
    for (List<Word> unit : units) {
      float unitWidth = 0;
      for (Word word : unit) {
        unitWidth += textWidth(word.text(), word.bold(), size);
      }
      float needed = line.isEmpty() ? unitWidth : lineWidth + space + unitWidth;
      if (needed <= w || line.isEmpty() && unit.size() > 1) {
        line.add(unit);
        lineWidth = needed;
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line);
        line = new ArrayList<>();
        lineWidth = 0;
      }
      if (unitWidth <= w || unit.size() > 1) {
        line.add(unit);
        lineWidth = unitWidth;
      } else {
        // one word wider than the line (a long URL): cut it into pieces, one per line
        Word word = unit.get(0);
        List<String> pieces = splitWord(word.text(), word.bold(), size, w);
        for (int i = 0; i < pieces.size(); i++) {
          List<Word> piece = List.of(new Word(pieces.get(i), word.bold(), false));
          if (i < pieces.size() - 1) {
            lines.add(List.of(piece));
          } else {
            line.add(piece);
            lineWidth = textWidth(pieces.get(i), word.bold(), size);
          }
        }
      }
    }
    if (!line.isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  /** Signature blocks side by side in equal columns; one block sits in the right half. */
  void signatures(List<Signature> blocks) throws IOException {
    ensure(SIGNATURES_HEIGHT);
    space(8);
    int columns = Math.max(2, blocks.size());
    float columnWidth = width() / columns;
    float lowest = y;
    for (int i = 0; i < blocks.size(); i++) {
      int column = blocks.size() == 1 ? 1 : i;
      float x = left + column * columnWidth;
      Signature s = blocks.get(i);
      float cursor = centeredAt(s.title(), true, BODY, x, columnWidth, y);
      cursor = centeredAt(s.hint(), false, BODY - 1.5f, x, columnWidth, cursor);
      cursor -= SIGNING_SPACE;
      cursor = centeredAt(FormText.orBlank(s.name()), true, BODY, x, columnWidth, cursor);
      lowest = Math.min(lowest, cursor);
    }
    y = lowest;
  }

  // ---- tables ----------------------------------------------------------------------------------------------------

  /** A table across the page width; rows that do not fit go to the next page under a repeated header row. */
  void table(List<Column> columns, List<List<String>> rows, float size) throws IOException {
    float[] widths = columnWidths(columns, rows, size);
    List<List<String>> header = cellLines(columns.stream().map(Column::title).toList(), widths, true, size);
    List<List<String>> first = rows.isEmpty() ? header : cellLines(rows.get(0), widths, false, size);
    ensure(rowHeight(header, size) + rowHeight(first, size));
    row(header, columns, widths, true, size);
    float underHeader = y;
    for (List<String> cells : rows) {
      List<List<String>> lines = cellLines(cells, widths, false, size);
      // a row taller than a whole page is drawn anyway rather than pushed on forever
      if (y - rowHeight(lines, size) < bottom && y < underHeader) {
        newPage();
        row(header, columns, widths, true, size);
        underHeader = y;
      }
      row(lines, columns, widths, false, size);
    }
  }

  /**
   * Shares the width by the columns' weights, but gives every column at least the width of its widest word (a dossier
   * code, a date), so that words are cut only when the page is too narrow for all of them.
   */
  private float[] columnWidths(List<Column> columns, List<List<String>> rows, float size) throws IOException {
    int n = columns.size();
    float[] least = new float[n];
    for (int i = 0; i < n; i++) {
      least[i] = widestWord(columns.get(i).title(), true, size);
      for (List<String> cells : rows) {
        least[i] = Math.max(least[i], widestWord(cells.get(i), false, size));
      }
      least[i] += 2 * CELL_PADDING + 0.5f;
    }
    float[] widths = new float[n];
    boolean[] fixed = new boolean[n];
    float leastTotal = 0;
    for (float w : least) {
      leastTotal += w;
    }
    boolean fits = leastTotal <= width();
    for (boolean changed = true; changed; ) {
      changed = false;
      float free = width();
      float weights = 0;
      for (int i = 0; i < n; i++) {
        if (fixed[i]) {
          free -= least[i];
        } else {
          weights += columns.get(i).weight();
        }
      }
      for (int i = 0; i < n; i++) {
        widths[i] = fixed[i] ? least[i] : free * columns.get(i).weight() / weights;
        if (fits && !fixed[i] && widths[i] < least[i]) {
          fixed[i] = true;
          changed = true;
        }
      }
    }
    return widths;
  }

  private float widestWord(String text, boolean isBold, float size) throws IOException {
    float widest = 0;
    for (String word : FormText.orEmpty(text).split("\\s+")) {
      widest = Math.max(widest, textWidth(word, isBold, size));
    }
    return widest;
  }

  /** Each cell's text wrapped to its column. */
  private List<List<String>> cellLines(List<String> cells, float[] widths, boolean isBold, float size)
      throws IOException {
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      lines.add(wrap(FormText.orEmpty(cells.get(i)), isBold, size, widths[i] - 2 * CELL_PADDING));
    }
    return lines;
  }

  private static float rowHeight(List<List<String>> cellLines, float size) {
    int lines = 1;
    for (List<String> cell : cellLines) {
      lines = Math.max(lines, cell.size());
    }
    return lines * size * CELL_LEADING + 2 * CELL_PADDING;
  }

  private void row(List<List<String>> cellLines, List<Column> columns, float[] widths, boolean header, float size)
      throws IOException {
    float h = rowHeight(cellLines, size);
    if (header) {
      out.setNonStrokingColor(0.9f);
      out.addRect(left, y - h, width(), h);
      out.fill();
      out.setNonStrokingColor(0f);
    }
    float x = left;
    for (int i = 0; i < widths.length; i++) {
      out.addRect(x, y - h, widths[i], h);
      out.stroke();
      float inner = widths[i] - 2 * CELL_PADDING;
      float baseline = y - CELL_PADDING - size * ASCENT;
      boolean center = header || columns.get(i).align() == Align.CENTER;
      for (String line : cellLines.get(i)) {
        float offset = center ? (inner - textWidth(line, header, size)) / 2 : 0;
        text(line, header, size, x + CELL_PADDING + offset, baseline);
        baseline -= size * CELL_LEADING;
      }
      x += widths[i];
    }
    y -= h;
  }

  // ---- barcodes --------------------------------------------------------------------------------------------------

  /** The data as Code 128, one pixel per module and no margin; the caller leaves the quiet zone clear. */
  static BitMatrix code128(String data) {
    return new Code128Writer().encode(data, BarcodeFormat.CODE_128, 1, 1, Map.of(EncodeHintType.MARGIN, 0));
  }

  /** The data as a QR code (error correction M, UTF-8), one pixel per module and no margin. */
  static BitMatrix qr(String data) {
    try {
      return new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.MARGIN, 0,
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode as QR: " + data, e);
    }
  }

  /** Draws a one-dimensional code (height 1 row) stretched to {@code height}, or a matrix code with square modules. */
  void matrix(BitMatrix m, float x, float topY, float module, float height) throws IOException {
    boolean linear = m.getHeight() == 1;
    float rowHeight = linear ? height : module;
    for (int row = 0; row < m.getHeight(); row++) {
      int col = 0;
      while (col < m.getWidth()) {
        if (!m.get(col, row)) {
          col++;
          continue;
        }
        int start = col;
        while (col < m.getWidth() && m.get(col, row)) {
          col++;
        }
        out.addRect(x + start * module, topY - (row + 1) * rowHeight, (col - start) * module, rowHeight);
      }
    }
    out.fill();
  }

  // ---- output ----------------------------------------------------------------------------------------------------

  /** Numbers the pages when there is more than one, and returns the PDF. */
  byte[] finish() throws IOException {
    out.close();
    out = null;
    int pages = doc.getNumberOfPages();
    if (pages > 1) {
      for (int i = 0; i < pages; i++) {
        PDPage page = doc.getPage(i);
        try (PDPageContentStream footer = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
          String label = "Trang " + (i + 1) + "/" + pages;
          float size = 8.5f;
          float w = textWidth(label, false, size);
          footer.beginText();
          footer.setFont(regular, size);
          footer.newLineAtOffset(right - w, bottom / 2);
          footer.showText(label);
          footer.endText();
        }
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    doc.save(bytes);
    return bytes.toByteArray();
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
    doc.close();
  }
}
