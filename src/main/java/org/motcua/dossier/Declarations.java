package org.motcua.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.document.StoredFile;
import org.motcua.document.Uploads;
import org.motcua.eform.DeclarationPdf;
import org.motcua.eform.FormDefinition;
import org.motcua.eform.FormDefinitions;
import org.motcua.eform.FormRefusal;
import org.motcua.eform.InvalidForm;
import org.motcua.security.MotcuaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The declaration (tờ khai) of a dossier filled in as an e-form: checked at submission against the procedure case's
 * definition (and the case its data selects), kept with the dossier, and rendered as the declaration PDF that stands
 * as the declaration component (source {@code FORM}); re-rendered when the reception clerk corrects it. Also the
 * accessor the national-portal sync reads the data through ({@link #formOf}).
 */
@Service
public class Declarations {

  /** Where the form's data sits in a submission, as a JSON path: field errors are named from there. */
  static final String IN_REQUEST = "$.form";
  /** The most characters of a declaration's data as JSON: the {@code form_data} column's size. */
  static final int MAX_FORM_CHARS = org.motcua.eform.FormDefinitions.MAX_DATA_CHARS;

  private final FormDefinitions forms;
  private final DeclarationPdf pdf;
  private final DossierDocumentRepository documents;
  private final DossierDocuments dossierDocuments;
  private final DossierRepository dossiers;
  private final Uploads uploads;
  private final Catalog catalog;
  private final Clock clock;
  private final String place;

  Declarations(FormDefinitions forms, DeclarationPdf pdf, DossierDocumentRepository documents,
      DossierDocuments dossierDocuments, DossierRepository dossiers, Uploads uploads, Catalog catalog, Clock clock,
      @Value("${motcua.forms.place}") String place) {
    this.forms = forms;
    this.pdf = pdf;
    this.documents = documents;
    this.dossierDocuments = dossierDocuments;
    this.dossiers = dossiers;
    this.uploads = uploads;
    this.catalog = catalog;
    this.clock = clock;
    this.place = place;
  }

  /**
   * The case the form's data selects under this version by its definition's rules (a birth registered more than 60
   * days after it: the late case); empty when the definition has no rules. {@code NO_FORM} when the procedure has no
   * e-form.
   */
  Optional<String> selectedCase(Procedure version, JsonNode data) {
    FormDefinition definition = forms.find(version, null)
        .orElseThrow(() -> FormRefusal.NO_FORM.exception(version.code(), "—"));
    return definition.selectCase(data, LocalDate.now(clock)).map(FormDefinition.Selected::caseCode);
  }

  /**
   * The definition the data was filled in with, once the data passes it: {@code NO_FORM} when the case has none,
   * {@link InvalidForm} naming every field at fault, {@code FORM_CASE_MISMATCH} when the data selects another case
   * than the one named. Nothing is stored before this passes.
   */
  FormDefinition check(Procedure version, Procedure.Case kase, JsonNode data) {
    FormDefinition definition = forms.find(version, kase.code())
        .orElseThrow(() -> FormRefusal.NO_FORM.exception(version.code(), kase.code()));
    checkSize(data);
    var errors = forms.validate(definition, data);
    if (!errors.isEmpty()) {
      throw new InvalidForm(errors, IN_REQUEST);
    }
    definition.selectCase(data, LocalDate.now(clock)).ifPresent(selected -> {
      if (!selected.caseCode().equals(kase.code())) {
        String name = version.caseOf(selected.caseCode()).map(Procedure.Case::name).orElse(selected.caseCode());
        throw FormRefusal.FORM_CASE_MISMATCH.exception(kase.code(), selected.caseCode(), name,
            selected.rule() == null ? "" : selected.rule().basis());
      }
    });
    return definition;
  }

  /** {@code FORM_TOO_LARGE} for data beyond what a dossier keeps (a schema without length limits lets it through). */
  static void checkSize(JsonNode data) {
    if (data.toString().length() > MAX_FORM_CHARS) {
      throw FormRefusal.FORM_TOO_LARGE.exception(MAX_FORM_CHARS);
    }
  }

  /**
   * The declaration PDF of a dossier just submitted with its form (already on the dossier): rendered with the dossier
   * code as barcode and attached as the definition's component, which needs no upload then.
   */
  void attachToNew(MotcuaUser user, Dossier dossier, FormDefinition definition) {
    DossierDocument document = render(user, dossier, definition);
    dossierDocuments.refresh(dossier, user, "Tờ khai điện tử: " + document.getFilename());
  }

  /** Renders the dossier's declaration as it stands and keeps it as its component, replacing an earlier rendering. */
  DossierDocument render(MotcuaUser user, Dossier dossier, FormDefinition definition) {
    String addressee = catalog.agency(dossier.getAgencyCode()).map(a -> a.name()).orElse(dossier.getAgencyCode());
    byte[] content = pdf.render(definition, dossier.getForm(), dossier.getCode(), addressee, place,
        dossier.getSubmittedAt().toLocalDate(), dossier.getApplicant().getName());
    StoredFile file = uploads.storeGenerated(content, "to-khai-" + dossier.getCode() + ".pdf", "application/pdf");
    documents.findByDossierOrderByIdAsc(dossier).stream()
        .filter(d -> d.getSource() == DossierDocument.Source.FORM).forEach(documents::delete);
    return documents.save(new DossierDocument(dossier, DossierDocument.Kind.COMPONENT, definition.component(), file,
        DossierDocument.Source.FORM, null, LocalDateTime.now(clock), user.username()));
  }

  Optional<FormDefinition> definitionOf(Dossier dossier) {
    return dossier.getFormKey() == null ? Optional.empty() : forms.byKey(dossier.getFormKey());
  }

  /**
   * The declaration data of a dossier, for the national-portal sync payload (and any reader on the dossier side's
   * behalf): empty for an unknown code or a dossier whose declaration came as a file. No access check: the caller is
   * the system, not a user.
   */
  @Transactional(readOnly = true)
  public Optional<SubmittedForm> formOf(String dossierCode) {
    return dossiers.findByCode(dossierCode).filter(d -> d.getFormKey() != null)
        .map(d -> new SubmittedForm(d.getCode(), d.getProcedureCode(), d.getCaseCode(), d.getFormKey(), d.getForm()));
  }

  /**
   * A dossier's declaration as filled in (and corrected at reception): the e-form definition's key
   * ({@code config/forms/<key>.yml}) and the data, a JSON object shaped by that definition's schema.
   */
  public record SubmittedForm(String dossierCode, String procedureCode, String caseCode, String formKey,
      JsonNode data) {
  }
}
