package org.motcua.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one CSV writer on hostile text cells; numbers the application computes stay numbers. */
class CsvWriterTest {

  @Test
  void textThatASpreadsheetWouldEvaluateIsNeutralisedAndQuotedWhereNeeded() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvWriter csv = new CsvWriter(bytes);
    csv.line("=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+2", "@SUM(1)", "\tcmd", "\rcmd", "a\nb", "x,y",
        "Nguyễn \"An\"", "", null);
    csv.line(-5L, 3, new BigDecimal("-0.2500"), "-5");
    csv.flush();
    byte[] raw = bytes.toByteArray();
    assertThat(raw).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8)).isEqualTo(
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-1+2,'@SUM(1),'\tcmd,\"'\rcmd\",\"a\nb\",\"x,y\","
            + "\"Nguyễn \"\"An\"\"\",,\r\n"
            // A number the application wrote is a number; the same characters as text are neutralised.
            + "-5,3,-0.2500,'-5\r\n");
  }
}
