package org.motcua.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.eform.FormDefinition;
import org.motcua.eform.FormDefinitions;
import org.motcua.eform.FormRefusal;
import org.motcua.eform.InvalidForm;
import org.motcua.security.MotcuaUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sửa thông tin tờ khai khi tiếp nhận: while an online dossier waits for reception (status 1), a reception clerk of
 * its agency corrects an obvious error of the declaration the applicant filled in as an e-form (a misspelt name, a
 * swapped digit). One field at a time: the data is checked again against its definition, the history line says which
 * field, before and after, and the declaration PDF is rendered again.
 */
@Service
public class CorrectDeclaration implements UseCase {

  /** Only a dossier waiting for reception has its declaration corrected. Args: dossier. */
  static final Refusal FORM_CORRECTION_NOT_ALLOWED = Refusal.of("FORM_CORRECTION_NOT_ALLOWED", HttpStatus.CONFLICT);
  /** The dossier's declaration came as a file: there is no data to correct. Args: dossier. */
  static final Refusal NO_FORM_DATA = Refusal.of("NO_FORM_DATA", HttpStatus.CONFLICT);
  /** The e-form has no such field. Args: field. */
  static final Refusal UNKNOWN_FORM_FIELD = Refusal.of("UNKNOWN_FORM_FIELD", HttpStatus.BAD_REQUEST, "field");
  /** The field already has that value. Args: field label. */
  static final Refusal SAME_FORM_VALUE = Refusal.of("SAME_FORM_VALUE", HttpStatus.BAD_REQUEST, "value");

  private final DossierLookup lookup;
  private final Declarations declarations;
  private final FormDefinitions forms;
  private final Clock clock;

  CorrectDeclaration(DossierLookup lookup, Declarations declarations, FormDefinitions forms, Clock clock) {
    this.lookup = lookup;
    this.declarations = declarations;
    this.forms = forms;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED, FORM_CORRECTION_NOT_ALLOWED,
        NO_FORM_DATA, UNKNOWN_FORM_FIELD, SAME_FORM_VALUE, FormRefusal.NO_FORM, FormRefusal.FORM_INVALID,
        FormRefusal.FORM_TOO_LARGE);
  }

  /**
   * Sets one field of the declaration ({@code field} as the layout names it, e.g. {@code child.fullName}) to
   * {@code value} (JSON null clears an optional field); {@code reason} goes into the history line.
   */
  @Transactional
  public Dossier correct(MotcuaUser clerk, String code, String field, JsonNode value, String reason) {
    Dossier dossier = lookup.locked(code);
    DossierAccess.checkClerk(clerk, dossier);
    if (!dossier.awaitsReception()) {
      throw FORM_CORRECTION_NOT_ALLOWED.exception(code);
    }
    if (dossier.getFormKey() == null) {
      throw NO_FORM_DATA.exception(code);
    }
    FormDefinition definition = declarations.definitionOf(dossier)
        .orElseThrow(() -> FormRefusal.NO_FORM.exception(dossier.getProcedureCode(), dossier.getCaseCode()));
    FormDefinition.Field target = definition.field(field == null ? "" : field.trim())
        .orElseThrow(() -> UNKNOWN_FORM_FIELD.exception(field));
    JsonNode data = dossier.getForm();
    String before = target.printed(data);
    JsonNode oldValue = target.valueIn(data);
    JsonNode newValue = value == null ? NullNode.getInstance() : value;
    if (oldValue.equals(newValue) || oldValue.isMissingNode() && newValue.isNull()) {
      throw SAME_FORM_VALUE.exception(target.label());
    }
    set((ObjectNode) data, target.name(), newValue);
    Declarations.checkSize(data);
    var errors = forms.validate(definition, data);
    if (!errors.isEmpty()) {
      throw new InvalidForm(errors, Declarations.IN_REQUEST);
    }
    LocalDateTime now = LocalDateTime.now(clock);
    // A corrected date may move the dossier to another case (a birth now registered late): the clerk is told, and
    // changes the case with its own action (preview, fee, history) if it is so.
    String otherCase = definition.selectCase(data, now.toLocalDate())
        .filter(selected -> !selected.caseCode().equals(dossier.getCaseCode()))
        .map(selected -> ". Theo thông tin đã sửa, hồ sơ thuộc trường hợp " + selected.caseCode()
            + ": đổi trường hợp nếu đúng").orElse("");
    String note = target.label() + " (" + target.name() + "): «" + before + "» → «" + target.printed(data) + "»"
        + (reason == null || reason.isBlank() ? "" : ". Lý do: " + reason.trim()) + otherCase;
    dossier.correctForm(data, note, now, Actor.of(clerk));
    lookup.save(dossier);
    declarations.render(clerk, dossier, definition);
    return lookup.shown(dossier);
  }

  /** Sets (or, for JSON null, removes) the field at its dotted name, creating the objects on its way. */
  private static void set(ObjectNode data, String name, JsonNode value) {
    String[] parts = name.split("\\.");
    ObjectNode parent = data;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
    }
    if (value.isNull()) {
      parent.remove(parts[parts.length - 1]);
    } else {
      parent.set(parts[parts.length - 1], value);
    }
  }
}
