package org.motcua.eform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.motcua.catalog.TestCatalogs;
import org.motcua.forms.FormPdfs;
import org.springframework.context.support.StaticMessageSource;

/**
 * Every shipped declaration prints, without Spring: its official-form note, title, every label of its layout, the
 * declared values and a dotted blank for what was left empty (to fill in by hand).
 */
class DeclarationPdfTest {

  private final FormDefinitions forms = new FormDefinitions(
      new FormDefinitionLoader("file:config/", TestCatalogs.fromConfig()::versions).load(), new StaticMessageSource());
  private final DeclarationPdf pdf = new DeclarationPdf(new FormPdfs());

  @Test
  void everyShippedDeclarationPrintsItsLayoutAndData() throws IOException {
    assertThat(forms.all()).hasSize(6);
    for (FormDefinition definition : forms.all()) {
      var data = forms.prefill(definition, new Identity("Nguyễn Văn An", "093085000123", LocalDate.of(1985, 3, 2),
          "Số 12 đường Trần Hưng Đạo, phường Vị Thanh", "0912345678"));
      String text = text(pdf.render(definition, data, "000.01.21.H13-261231-0001", "Ủy ban nhân dân phường Vị Thanh",
          "Cần Thơ", LocalDate.of(2026, 12, 31), "Nguyễn Văn An"));
      assertThat(text).as(definition.key()).contains(definition.title(), "Mã hồ sơ: 000.01.21.H13-261231-0001",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cần Thơ, ngày 31 tháng 12 năm 2026", "……………………");
      for (FormDefinition.Field field : definition.fields()) {
        assertThat(text).as(definition.key() + " " + field.name()).contains(field.label() + ":");
      }
      // What the account pre-filled is printed (the birth date as the form writes dates).
      definition.fields().stream().filter(f -> f.prefill() == Prefill.BIRTH_DATE)
          .forEach(f -> assertThat(text).contains(f.label() + ": 02/03/1985"));
      definition.fields().stream().filter(f -> f.prefill() == Prefill.ID_NUMBER)
          .forEach(f -> assertThat(text).contains(f.label() + ": 093085000123"));
    }
    // Choices print their labels, not their codes.
    FormDefinition birth = forms.find(FormDefinitionsTest.BIRTH, null, null).orElseThrow();
    var data = JsonNodeFactory.instance.objectNode();
    data.putObject("child").put("sex", "NU");
    assertThat(text(pdf.render(birth, data, null, null, null, null, null))).contains("Giới tính: Nữ");
  }

  private static String text(byte[] content) throws IOException {
    try (PDDocument document = Loader.loadPDF(content)) {
      return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
          .replaceAll("\\s+", " ");
    }
  }
}
