package org.motcua.eform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.motcua.forms.Declaration;
import org.motcua.forms.FormPdfs;
import org.springframework.stereotype.Component;

/**
 * The declaration PDF of a filled-in e-form, in the layout of the official form its definition follows (the printed
 * forms' PDF helpers: national motto, DejaVu Sans with every Vietnamese glyph, the dossier code as Code 128): each
 * section of the layout with its labels and the declared values as the form prints them.
 */
@Component
public class DeclarationPdf {

  private final FormPdfs pdfs;

  public DeclarationPdf(FormPdfs pdfs) {
    this.pdfs = pdfs;
  }

  /**
   * @param addressee the receiving agency's name, when the definition names no addressee of its own
   * @param place the place before the date ("Làm tại: Cần Thơ, ngày …")
   * @param signerName the applicant's name under the signature
   */
  public byte[] render(FormDefinition definition, JsonNode data, String dossierCode, String addressee, String place,
      LocalDate date, String signerName) {
    return pdfs.declaration(declaration(definition, data, dossierCode, addressee, place, date, signerName));
  }

  static Declaration declaration(FormDefinition definition, JsonNode data, String dossierCode, String addressee,
      String place, LocalDate date, String signerName) {
    return new Declaration(definition.officialForm(), definition.title(),
        definition.addressee() == null ? addressee : definition.addressee(), dossierCode,
        definition.sections().stream().map(s -> new Declaration.Section(s.title(), s.fields().stream()
            .map(f -> new Declaration.Line(f.label(), f.printed(data))).toList())).toList(),
        definition.pledge(), place, date, definition.signer(), signerName);
  }
}
