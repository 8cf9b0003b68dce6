package org.motcua.forms;

import java.time.LocalDate;
import java.util.List;

/**
 * A declaration (tờ khai) filled in as an e-form, printed in the layout of the official form: the national motto,
 * the title, the dossier code as a barcode, "Kính gửi", the declared particulars section by section, the pledge, the
 * place and date, and the signature.
 *
 * @param officialForm the official form it follows and the circular setting it, printed small at the top right
 * @param title e.g. "TỜ KHAI ĐĂNG KÝ KHAI SINH"
 * @param addressee the agency addressed ("Kính gửi"); null prints a blank
 * @param dossierCode printed as Code 128 under the title; null before the dossier has a code
 * @param sections the particulars, in the form's order; an empty value prints as a dotted blank
 * @param pledge the applicant's pledge (lời cam đoan)
 * @param place the place before the date ("Làm tại …")
 * @param date the day of the declaration
 * @param signerTitle the title over the signature, e.g. "NGƯỜI YÊU CẦU"
 * @param signerName the name under it
 */
public record Declaration(String officialForm, String title, String addressee, String dossierCode,
    List<Section> sections, String pledge, String place, LocalDate date, String signerTitle, String signerName) {

  public Declaration {
    sections = List.copyOf(sections);
  }

  /** A section of particulars under its heading. */
  public record Section(String title, List<Line> lines) {

    public Section {
      lines = List.copyOf(lines);
    }
  }

  /** One particular: the form's label and the declared value. */
  public record Line(String label, String value) {
  }
}
