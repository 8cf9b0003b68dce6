package org.motcua.eform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The e-form definitions of {@code config/forms/}, loaded at start-up (a broken one stops it, see
 * {@link FormDefinitionLoader}), and the feature's small API: which definition a procedure case has, whether data
 * passes it, what the account pre-fills.
 */
@Component
public class FormDefinitions {

  /** The most characters of a declaration's data as JSON: what a dossier's {@code form_data} column keeps. */
  public static final int MAX_DATA_CHARS = 100_000;

  private static final Map<String, String> CODES = Map.ofEntries(Map.entry("required", "REQUIRED"),
      Map.entry("format", "FORMAT"), Map.entry("type", "TYPE"), Map.entry("pattern", "PATTERN"),
      Map.entry("enum", "ENUM"), Map.entry("const", "ENUM"), Map.entry("minLength", "MIN_LENGTH"),
      Map.entry("maxLength", "MAX_LENGTH"), Map.entry("minimum", "MINIMUM"), Map.entry("maximum", "MAXIMUM"),
      Map.entry("exclusiveMinimum", "MINIMUM"), Map.entry("exclusiveMaximum", "MAXIMUM"),
      Map.entry("additionalProperties", "UNKNOWN_FIELD"), Map.entry("unevaluatedProperties", "UNKNOWN_FIELD"));

  private final List<FormDefinition> definitions;
  private final MessageSource messages;

  @org.springframework.beans.factory.annotation.Autowired
  FormDefinitions(Catalog catalog, MessageSource messages,
      @Value("${motcua.config-dir:classpath:config/}") String configDir) {
    this(new FormDefinitionLoader(configDir, catalog::versions).load(), messages);
  }

  FormDefinitions(List<FormDefinition> definitions, MessageSource messages) {
    this.definitions = List.copyOf(definitions);
    this.messages = messages;
  }

  public List<FormDefinition> all() {
    return definitions;
  }

  /** The definition a dossier recorded it was filled in with. */
  public Optional<FormDefinition> byKey(String key) {
    return definitions.stream().filter(d -> d.key().equals(key)).findFirst();
  }

  /**
   * The definition of a procedure case under one catalogue version: of those of the procedure that cover the case,
   * the one of the latest {@code catalogueVersion} not after the version's {@code validFrom}. {@code caseCode} null:
   * any case's (the definition the procedure's cases share).
   */
  public Optional<FormDefinition> find(String procedureCode, LocalDate versionValidFrom, String caseCode) {
    return definitions.stream()
        .filter(d -> d.procedureCode().equals(procedureCode))
        .filter(d -> caseCode == null || d.covers(caseCode))
        .filter(d -> d.catalogueVersion() == null
            || versionValidFrom != null && !d.catalogueVersion().isAfter(versionValidFrom))
        .max(Comparator.comparing(FormDefinition::catalogueVersion, Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  /** The definition of a case of this procedure version. */
  public Optional<FormDefinition> find(Procedure version, String caseCode) {
    return find(version.code(), version.validFrom(), caseCode);
  }

  /**
   * Checks data against the definition's schema: every field that does not pass, in the layout's order, with its JSON
   * path, a stable code and a message in the request's language naming the field's label. Empty: the data passes.
   */
  public List<FieldError> validate(FormDefinition definition, JsonNode data) {
    Locale locale = LocaleContextHolder.getLocale();
    if (data == null || !data.isObject()) {
      return List.of(new FieldError("$", "", "TYPE", messages.getMessage("eform.error.NOT_AN_OBJECT", null,
          "NOT_AN_OBJECT", locale)));
    }
    Set<ValidationMessage> found = definition.compiled().validate(data);
    List<String> order = definition.fields().stream().map(FormDefinition.Field::name).toList();
    List<FieldError> errors = new ArrayList<>();
    for (ValidationMessage m : found) {
      String location = m.getInstanceLocation().toString();
      String property = m.getProperty();
      boolean named = ("required".equals(m.getType()) || "additionalProperties".equals(m.getType())
          || "unevaluatedProperties".equals(m.getType())) && property != null;
      String path = named ? location + "." + property : location;
      String field = path.equals("$") ? "" : path.substring(2);
      String code = CODES.getOrDefault(m.getType(), "INVALID");
      String label = definition.field(field).map(FormDefinition.Field::label).orElseGet(() -> groupLabel(definition,
          field));
      Object[] args = {label, argument(m)};
      String message = messages.getMessage("eform.error." + code, args, m.getMessage(), locale);
      FieldError error = new FieldError(path, field, code, message);
      if (errors.stream().noneMatch(e -> e.path().equals(path) && e.code().equals(code))) {
        errors.add(error);
      }
    }
    errors.sort(Comparator.comparingInt((FieldError e) -> order.indexOf(e.field()) < 0 ? Integer.MAX_VALUE
        : order.indexOf(e.field())).thenComparing(FieldError::path));
    return List.copyOf(errors);
  }

  /**
   * The label of a group of fields (a missing {@code mother}): the title of the section that shows its fields, else
   * the name itself.
   */
  private static String groupLabel(FormDefinition definition, String name) {
    return definition.sections().stream()
        .filter(s -> !s.fields().isEmpty() && s.fields().stream().allMatch(f -> f.name().startsWith(name + ".")))
        .map(FormDefinition.Section::title).findFirst().orElse(name);
  }

  /** The limit or format a message names: the schema's value for the failing keyword. */
  private static Object argument(ValidationMessage m) {
    JsonNode node = m.getSchemaNode();
    // The validator hands some keywords (minimum, maximum) their own value rather than the schema holding them.
    JsonNode keyword = node == null ? null : node.isObject() ? node.get(m.getType()) : node;
    if (keyword == null) {
      return "";
    }
    return keyword.isArray() ? keyword.toString() : keyword.asText();
  }

  /**
   * A new form's data with the fields the definition pre-fills from the account's identity set, where the identity
   * knows them; nothing else.
   */
  public ObjectNode prefill(FormDefinition definition, Identity identity) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    for (FormDefinition.Field field : definition.fields()) {
      Object value = field.prefill() == null || identity == null ? null : identity.value(field.prefill());
      if (value == null || value.toString().isBlank()) {
        continue;
      }
      ObjectNode parent = data;
      String[] parts = field.name().split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
      }
      parent.put(parts[parts.length - 1], value.toString());
    }
    return data;
  }
}
