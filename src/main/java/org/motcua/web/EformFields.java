package org.motcua.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.motcua.catalog.Procedure;
import org.motcua.common.Problems;
import org.motcua.eform.FieldError;
import org.motcua.eform.FormDefinition;
import org.motcua.eform.FormDefinitions;
import org.springframework.stereotype.Component;

/**
 * The e-form part of the submit page (issue 18): the declaration of the procedure case as server-rendered fields
 * named {@code f.<field>} (e.g. {@code f.child.birthDate}), in the definition's sections and order, read back into the
 * form's JSON data with the schema's types, each error placed next to its field, and the case the data selects.
 */
@Component
public class EformFields {

  /** Up to 18 digits, a sign, and up to 9 decimals after a comma or point: every number a declaration asks for. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,18}([.,]\\d{1,9})?");

  /** The prefix of the e-form's parameters: {@code f.child.birthDate}. */
  public static final String PREFIX = "f.";

  private final FormDefinitions forms;
  private final Problems messages;
  private final Clock clock;

  EformFields(FormDefinitions forms, Problems messages, Clock clock) {
    this.forms = forms;
    this.messages = messages;
    this.clock = clock;
  }

  /** The form as the page shows it: sections of fields with their values and errors. */
  public record FormPage(String key, String title, String officialForm, String component, List<SectionView> sections,
      boolean selectsCase) {
  }

  public record SectionView(String title, String help, List<FieldView> fields) {
  }

  /**
   * One input. {@code id}: the element id ({@code f-child-birthDate}; its error is {@code <id>-error}),
   * {@code param}: the parameter name, {@code value}: what it shows, {@code error}: the message next to it, or null.
   */
  public record FieldView(String name, String id, String param, String label, String help, String widget,
      boolean required, String value, Map<String, String> options, String error, boolean decidesCase,
      String min, String max, Integer maxLength) {

    public boolean checked() {
      return "true".equals(value);
    }
  }

  /**
   * The case the data selects and what it fixes: {@code selected} false when nothing selects it yet (no valid date),
   * {@code byRule} true when a rule held (e.g. more than 60 days after the birth).
   */
  public record CasePreview(boolean selected, String caseCode, String caseName, long feeVnd, boolean byRule,
      String basis, String fieldLabel) {
  }

  /** The data read from the request and the errors the page found before the schema (a number that is none). */
  public record Read(ObjectNode data, Map<String, String> errors, Map<String, String> typed) {
  }

  /** The procedure's e-form shared by its cases (or of the case chosen), if it has one. */
  public Optional<FormDefinition> definition(Procedure procedure, String caseCode) {
    Optional<FormDefinition> shared = forms.find(procedure, null);
    return caseCode == null ? shared : forms.find(procedure, caseCode).or(() -> shared);
  }

  public FormDefinitions definitions() {
    return forms;
  }

  /** Reads the {@code f.*} parameters into the form's data, with the schema's types; empty fields are left out. */
  public Read read(FormDefinition definition, HttpServletRequest request) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> typed = new LinkedHashMap<>();
    requiredObjects(definition.schema(), data);
    for (FormDefinition.Field field : definition.fields()) {
      String raw = request.getParameter(PREFIX + field.name());
      JsonNode property = property(definition.schema(), field.name());
      String type = property == null ? "" : property.path("type").asText();
      if ("boolean".equals(type)) {
        put(data, field.name(), JsonNodeFactory.instance.booleanNode(raw != null && !raw.isBlank()));
        continue;
      }
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String text = raw.trim();
      if ("integer".equals(type) || "number".equals(type)) {
        Optional<JsonNode> number = number(text, "integer".equals(type));
        if (number.isPresent()) {
          put(data, field.name(), number.get());
        } else {
          errors.put(field.name(), messages.message("web.eform.notANumber", field.label()));
          typed.put(field.name(), text);
        }
        continue;
      }
      if ("date".equals(field.widget())) {
        // A browser without a date picker sends what was typed: 05/03/2026 is day, month, year.
        text = isoDate(text);
      }
      put(data, field.name(), JsonNodeFactory.instance.textNode(text));
    }
    return new Read(data, errors, typed);
  }

  /**
   * The schema's check, as messages by field (the page's own first); a message that names no field of the layout
   * (the data as a whole) is under the empty name.
   */
  public Map<String, String> validate(FormDefinition definition, Read read) {
    Map<String, String> errors = new LinkedHashMap<>(read.errors());
    for (FieldError e : forms.validate(definition, read.data())) {
      String field = definition.field(e.field()).isPresent() ? e.field() : "";
      errors.putIfAbsent(field, e.message());
    }
    return errors;
  }

  /** The form as the page shows it, filled with the data and with the errors next to their fields. */
  public FormPage page(FormDefinition definition, JsonNode data, Map<String, String> errors) {
    return page(definition, data, errors, Map.of());
  }

  /** The same, showing again what was typed where it could not go into the data ({@code typed}, by field). */
  public FormPage page(FormDefinition definition, JsonNode data, Map<String, String> errors,
      Map<String, String> typed) {
    List<String> ruleFields = definition.caseSelection().stream().map(FormDefinition.CaseRule::field).toList();
    List<SectionView> sections = new ArrayList<>();
    for (FormDefinition.Section s : definition.sections()) {
      List<FieldView> fields = new ArrayList<>();
      for (FormDefinition.Field f : s.fields()) {
        JsonNode value = f.valueIn(data == null ? JsonNodeFactory.instance.objectNode() : data);
        JsonNode property = property(definition.schema(), f.name());
        String shown = typed.containsKey(f.name()) ? typed.get(f.name())
            : value.isMissingNode() || value.isNull() ? "" : value.asText();
        fields.add(new FieldView(f.name(), "f-" + f.name().replace('.', '-'), PREFIX + f.name(), f.label(),
            f.help(), f.widget(), required(definition.schema(), f.name()), shown, f.options(), errors.get(f.name()),
            ruleFields.contains(f.name()), bound(property, "minimum"), bound(property, "maximum"),
            property != null && property.has("maxLength") ? property.get("maxLength").asInt() : null));
      }
      sections.add(new SectionView(s.title(), s.help(), fields));
    }
    return new FormPage(definition.key(), definition.title(), definition.officialForm(), definition.component(),
        sections, !definition.caseSelection().isEmpty());
  }

  /** A dossier's declaration data as the officer reads it: its sections, each field's label and printed value. */
  public record ShownSection(String title, List<ShownField> fields) {
  }

  /** {@code value}: as the declaration prints it (a choice's label, dd/MM/yyyy); {@code raw}: as stored. */
  public record ShownField(String name, String label, String value, String raw) {
  }

  public List<ShownSection> shown(FormDefinition definition, JsonNode data) {
    return definition.sections().stream().map(s -> new ShownSection(s.title(), s.fields().stream()
        .map(f -> new ShownField(f.name(), f.label(), f.printed(data),
            f.valueIn(data).isValueNode() ? f.valueIn(data).asText() : ""))
        .toList())).toList();
  }

  /**
   * A value typed for one field (the officer's correction) as the JSON the schema checks: a number for a number
   * field, true/false for a checkbox, a date written dd/MM/yyyy as yyyy-MM-dd; blank is JSON null (clears the field).
   * Empty when the field wants a number and the text is none.
   */
  public Optional<JsonNode> value(FormDefinition definition, String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.of(JsonNodeFactory.instance.nullNode());
    }
    JsonNode property = property(definition.schema(), field);
    String type = property == null ? "" : property.path("type").asText();
    String text = raw.trim();
    if ("boolean".equals(type)) {
      return Optional.of(JsonNodeFactory.instance.booleanNode("true".equalsIgnoreCase(text) || "có".equalsIgnoreCase(text)));
    }
    if ("integer".equals(type) || "number".equals(type)) {
      return number(text, "integer".equals(type));
    }
    boolean date = definition.field(field).map(f -> "date".equals(f.widget())).orElse(false);
    return Optional.of(JsonNodeFactory.instance.textNode(date ? isoDate(text) : text));
  }

  /** 05/03/2026 (day, month, year, as typed without a date picker) as 2026-03-05; anything else as it is. */
  private static String isoDate(String text) {
    if (!text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
      return text;
    }
    String[] dmy = text.split("/");
    return String.format("%s-%02d-%02d", dmy[2], Integer.parseInt(dmy[1]), Integer.parseInt(dmy[0]));
  }

  /** The case the data selects today, with its name and fee; empty when the definition has no rules. */
  public Optional<CasePreview> preview(FormDefinition definition, Procedure procedure, JsonNode data) {
    if (definition.caseSelection().isEmpty()) {
      return Optional.empty();
    }
    String fieldLabel = definition.field(definition.caseSelection().get(0).field())
        .map(FormDefinition.Field::label).orElse("");
    String basis = definition.caseSelection().get(0).basis();
    LocalDate today = LocalDate.now(clock);
    boolean decidable = definition.caseSelection().stream().allMatch(r -> isDate(valueAt(data, r.field())));
    if (!decidable) {
      return Optional.of(new CasePreview(false, null, null, 0, false, basis, fieldLabel));
    }
    return definition.selectCase(data, today).flatMap(selected -> procedure.caseOf(selected.caseCode())
        .map(c -> new CasePreview(true, c.code(), c.name(), c.feeVnd(), selected.rule() != null,
            selected.rule() != null && selected.rule().basis() != null ? selected.rule().basis() : basis,
            fieldLabel)));
  }

  /** The case the data selects today (null: none selects it, the applicant's choice stands). */
  public String selectedCase(FormDefinition definition, Procedure procedure, JsonNode data) {
    return preview(definition, procedure, data).filter(CasePreview::selected).map(CasePreview::caseCode)
        .orElse(null);
  }

  private static JsonNode valueAt(JsonNode data, String name) {
    JsonNode node = data == null ? JsonNodeFactory.instance.missingNode() : data;
    for (String part : name.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private static boolean isDate(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    try {
      LocalDate.parse(node.asText());
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static String bound(JsonNode property, String keyword) {
    return property != null && property.has(keyword) ? property.get(keyword).asText() : null;
  }

  /** Objects the schema requires are always sent, so each missing field inside is named, not the whole object. */
  private static void requiredObjects(JsonNode schema, ObjectNode data) {
    for (JsonNode name : schema.path("required")) {
      JsonNode property = schema.path("properties").path(name.asText());
      if ("object".equals(property.path("type").asText())) {
        requiredObjects(property, data.has(name.asText()) ? (ObjectNode) data.get(name.asText())
            : data.putObject(name.asText()));
      }
    }
  }

  private static void put(ObjectNode data, String name, JsonNode value) {
    String[] parts = name.split("\\.");
    ObjectNode parent = data;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
    }
    parent.set(parts[parts.length - 1], value);
  }

  /** The schema of a dotted field name; null when there is none. */
  private static JsonNode property(JsonNode schema, String name) {
    JsonNode node = schema;
    for (String part : name.split("\\.")) {
      node = node.path("properties").get(part);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Required when its object lists it and every object above it is required too. */
  private static boolean required(JsonNode schema, String name) {
    JsonNode node = schema;
    for (String part : name.split("\\.")) {
      boolean listed = false;
      for (JsonNode r : node.path("required")) {
        listed |= r.asText().equals(part);
      }
      if (!listed) {
        return false;
      }
      node = node.path("properties").path(part);
    }
    return true;
  }

  /**
   * A number as a person types it (comma or point for decimals), or empty. Only plain digits are read: an exponent
   * such as {@code 1e100000000} would make an exact integer of that many digits and hold a core for minutes.
   */
  private static Optional<JsonNode> number(String text, boolean integer) {
    if (!PLAIN_NUMBER.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(text.replace(',', '.'));
    // 12.5 in an integer field stays a decimal: the schema then names the fault.
    return Optional.of(integer && number.stripTrailingZeros().scale() <= 0
        ? JsonNodeFactory.instance.numberNode(number.toBigIntegerExact())
        : JsonNodeFactory.instance.numberNode(number));
  }
}
