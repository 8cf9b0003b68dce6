package org.motcua.eform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.motcua.catalog.Procedure;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the form definitions of {@code <config-dir>/forms/*.yml} and refuses, with the file, the place and the reason,
 * any that cannot be used: an unknown procedure, case or component; a schema that is not a valid JSON Schema (draft
 * 2020-12) of an object; a layout field the schema lacks, or a schema field the layout does not show; a case rule on
 * something else than a date field; two definitions of the same case and catalogue version.
 */
class FormDefinitionLoader {

  static final String FOLDER = "forms/";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_LEVEL = Set.of("procedure", "cases", "catalogueVersion", "component", "title",
      "officialForm", "addressee", "pledge", "signer", "schema", "layout", "caseSelection");
  private static final Set<String> FIELD_KEYS = Set.of("field", "label", "help", "widget", "prefill", "options");
  private static final Set<String> WIDGETS = Set.of("text", "textarea", "date", "number", "select", "checkbox");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final String DEFAULT_PLEDGE = "Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách "
      + "nhiệm trước pháp luật về cam đoan của mình.";
  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  /** Data is checked with formats asserted (a date must be a date) and errors located by JSON path. */
  static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
      .pathType(PathType.JSON_PATH).build();

  private final ResourcePatternResolver resources;
  private final String location;
  private final Function<String, List<Procedure>> versions;

  /**
   * @param configDir the configuration folder ({@code classpath:config/}, {@code file:/etc/motcua/})
   * @param versions every version of a procedure code in the catalogue, empty for an unknown code
   */
  FormDefinitionLoader(ResourcePatternResolver resources, String configDir,
      Function<String, List<Procedure>> versions) {
    this.resources = resources;
    this.location = (configDir.endsWith("/") ? configDir : configDir + "/") + FOLDER;
    this.versions = versions;
  }

  FormDefinitionLoader(String configDir, Function<String, List<Procedure>> versions) {
    this(new PathMatchingResourcePatternResolver(), configDir, versions);
  }

  List<FormDefinition> load() {
    Resource[] files;
    try {
      files = resources.getResources(location + "*.yml");
    } catch (IOException ex) {
      // No folder at all: a province without e-forms.
      return List.of();
    }
    Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
    List<FormDefinition> definitions = new ArrayList<>();
    for (Resource file : files) {
      definitions.add(read(file));
    }
    checkNoOverlap(definitions);
    return List.copyOf(definitions);
  }

  private FormDefinition read(Resource file) {
    String name = String.valueOf(file.getFilename());
    String key = name.substring(0, name.length() - ".yml".length());
    JsonNode root;
    try (InputStream in = file.getInputStream()) {
      root = YAML.readTree(in);
    } catch (IOException | RuntimeException ex) {
      // Jackson reports some YAML syntax errors as unchecked exceptions of the parser underneath.
      throw new FormDefinitionException(FOLDER + name + ": not readable YAML: " + ex.getMessage(), ex);
    }
    Where where = new Where(FOLDER + name);
    if (root == null || !root.isObject()) {
      throw where.fail("", "empty or not a YAML mapping");
    }
    root.fieldNames().forEachRemaining(field -> {
      if (!TOP_LEVEL.contains(field)) {
        throw where.fail(field, "unknown field (known: " + new java.util.TreeSet<>(TOP_LEVEL) + ")");
      }
    });
    String procedureCode = where.text(root, "procedure");
    LocalDate catalogueVersion = date(where, root, "catalogueVersion");
    List<Procedure> known = versions.apply(procedureCode).stream()
        .filter(v -> catalogueVersion == null || v.validTo() == null || !v.validTo().isBefore(catalogueVersion))
        .toList();
    if (known.isEmpty()) {
      throw where.fail("procedure", "'" + procedureCode + "' is not in the catalogue"
          + (catalogueVersion == null ? "" : " in force on or after " + catalogueVersion));
    }
    List<String> cases = new ArrayList<>();
    for (JsonNode c : where.list(root, "cases", false)) {
      String code = c.asText();
      if (known.stream().noneMatch(v -> v.caseOf(code).isPresent())) {
        throw where.fail("cases", "procedure " + procedureCode + " has no case '" + code + "'");
      }
      cases.add(code);
    }
    String component = where.text(root, "component");
    boolean componentKnown = known.stream().flatMap(v -> v.cases().stream())
        .filter(c -> cases.isEmpty() || cases.contains(c.code()))
        .anyMatch(c -> c.components().stream().anyMatch(comp -> comp.code().equals(component)));
    if (!componentKnown) {
      throw where.fail("component", "no case of " + procedureCode + " has a component '" + component + "'");
    }
    JsonNode schemaNode = root.get("schema");
    JsonSchema compiled = schema(where, schemaNode);
    List<FormDefinition.Section> sections = layout(where, root, schemaNode);
    checkEverySchemaFieldShown(where, schemaNode, "", sections);
    List<FormDefinition.CaseRule> rules = new ArrayList<>();
    String otherwise = null;
    JsonNode selection = root.get("caseSelection");
    if (selection != null) {
      for (JsonNode rule : where.list(selection, "rules", true)) {
        rules.add(rule(where, rule, procedureCode, known, cases, sections));
      }
      otherwise = where.text(selection, "otherwise");
      String other = otherwise;
      if (known.stream().noneMatch(v -> v.caseOf(other).isPresent()) || !(cases.isEmpty() || cases.contains(other))) {
        throw where.fail("caseSelection.otherwise", "'" + other + "' is not a case this definition covers");
      }
    }
    return new FormDefinition(key, procedureCode, cases, catalogueVersion, component, where.text(root, "title"),
        where.text(root, "officialForm"), optional(root, "addressee"),
        root.hasNonNull("pledge") ? root.get("pledge").asText() : DEFAULT_PLEDGE,
        root.hasNonNull("signer") ? root.get("signer").asText() : "NGƯỜI YÊU CẦU", schemaNode, sections, rules,
        otherwise, compiled);
  }

  /** The schema must be a valid draft 2020-12 JSON Schema of an object with named properties. */
  private static JsonSchema schema(Where where, JsonNode schemaNode) {
    if (schemaNode == null || !schemaNode.isObject()) {
      throw where.fail("schema", "missing: the JSON Schema of the data");
    }
    JsonSchema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    Set<ValidationMessage> problems = meta.validate(schemaNode);
    if (!problems.isEmpty()) {
      throw where.fail("schema", "not a valid JSON Schema (draft 2020-12): " + problems.stream()
          .map(ValidationMessage::getMessage).sorted().toList());
    }
    if (!"object".equals(schemaNode.path("type").asText()) || !schemaNode.path("properties").isObject()) {
      throw where.fail("schema", "must be of type object, with properties");
    }
    try {
      return SCHEMAS.getSchema(schemaNode.toString(), InputFormat.JSON, CONFIG);
    } catch (RuntimeException ex) {
      throw where.fail("schema", "cannot be compiled: " + ex.getMessage());
    }
  }

  private static List<FormDefinition.Section> layout(Where where, JsonNode root, JsonNode schema) {
    List<FormDefinition.Section> sections = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int s = 0;
    for (JsonNode section : where.list(root, "layout", true)) {
      String at = "layout[" + s++ + "]";
      Where inSection = where.at(at);
      List<FormDefinition.Field> fields = new ArrayList<>();
      int f = 0;
      for (JsonNode field : inSection.list(section, "fields", true)) {
        Where here = inSection.at("fields[" + f++ + "]");
        field.fieldNames().forEachRemaining(k -> {
          if (!FIELD_KEYS.contains(k)) {
            throw here.fail(k, "unknown field (known: " + new java.util.TreeSet<>(FIELD_KEYS) + ")");
          }
        });
        String name = here.text(field, "field");
        JsonNode property = property(schema, name);
        if (property == null) {
          throw here.fail("field", "'" + name + "' is not a property of the schema");
        }
        if ("object".equals(property.path("type").asText())) {
          throw here.fail("field", "'" + name + "' is an object: list its fields instead");
        }
        if (!seen.add(name)) {
          throw here.fail("field", "'" + name + "' is shown twice");
        }
        Prefill prefill = null;
        if (field.hasNonNull("prefill")) {
          try {
            prefill = Prefill.valueOf(field.get("prefill").asText());
          } catch (IllegalArgumentException ex) {
            throw here.fail("prefill", "'" + field.get("prefill").asText() + "' is not one of "
                + Arrays.toString(Prefill.values()));
          }
        }
        Map<String, String> options = options(here, field, property);
        String widget = field.hasNonNull("widget") ? field.get("widget").asText() : widget(property);
        if (!WIDGETS.contains(widget)) {
          throw here.fail("widget", "'" + widget + "' is not one of " + new java.util.TreeSet<>(WIDGETS));
        }
        fields.add(new FormDefinition.Field(name, here.text(field, "label"), optional(field, "help"), widget,
            prefill, options));
      }
      sections.add(new FormDefinition.Section(inSection.text(section, "section"), optional(section, "help"), fields));
    }
    return sections;
  }

  /** A choice's labels: the layout's, which must name exactly the schema's {@code enum} values, else the values. */
  private static Map<String, String> options(Where here, JsonNode field, JsonNode property) {
    Map<String, String> options = new LinkedHashMap<>();
    JsonNode values = property.path("enum");
    if (field.hasNonNull("options")) {
      if (!values.isArray()) {
        throw here.fail("options", "the schema gives this field no enum of values");
      }
      field.get("options").properties().forEach(e -> options.put(e.getKey(), e.getValue().asText()));
      Set<String> enumValues = new HashSet<>();
      values.forEach(v -> enumValues.add(v.asText()));
      if (!enumValues.equals(options.keySet())) {
        throw here.fail("options", "must label exactly the schema's values " + enumValues);
      }
    } else if (values.isArray()) {
      values.forEach(v -> options.put(v.asText(), v.asText()));
    }
    return options;
  }

  private static String widget(JsonNode property) {
    String type = property.path("type").asText();
    if (property.has("enum")) {
      return "select";
    }
    if ("date".equals(property.path("format").asText())) {
      return "date";
    }
    if ("integer".equals(type) || "number".equals(type)) {
      return "number";
    }
    if ("boolean".equals(type)) {
      return "checkbox";
    }
    return property.path("maxLength").asInt(0) > 200 ? "textarea" : "text";
  }

  /** The schema of a dotted field name, walking {@code properties}; null when there is none. */
  static JsonNode property(JsonNode schema, String name) {
    JsonNode node = schema;
    for (String part : name.split("\\.")) {
      if (!NAME.matcher(part).matches()) {
        return null;
      }
      node = node.path("properties").get(part);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Every leaf property of the schema is shown by the layout: the applicant can fill in whatever the data holds. */
  private static void checkEverySchemaFieldShown(Where where, JsonNode schema, String prefix,
      List<FormDefinition.Section> sections) {
    schema.path("properties").properties().forEach(e -> {
      String name = prefix + e.getKey();
      if (!NAME.matcher(e.getKey()).matches()) {
        throw where.fail("schema", "property '" + name + "': names are letters and digits, starting with a letter");
      }
      if ("object".equals(e.getValue().path("type").asText())) {
        checkEverySchemaFieldShown(where, e.getValue(), name + ".", sections);
      } else if (sections.stream().flatMap(s -> s.fields().stream()).noneMatch(f -> f.name().equals(name))) {
        throw where.fail("layout", "the schema's property '" + name + "' is in no section");
      }
    });
  }

  private static FormDefinition.CaseRule rule(Where where, JsonNode rule, String procedureCode,
      List<Procedure> known, List<String> cases, List<FormDefinition.Section> sections) {
    Where here = where.at("caseSelection.rules");
    String caseCode = here.text(rule, "case");
    if (known.stream().noneMatch(v -> v.caseOf(caseCode).isPresent())
        || !(cases.isEmpty() || cases.contains(caseCode))) {
      throw here.fail("case", "'" + caseCode + "' is not a case of " + procedureCode + " this definition covers");
    }
    String field = here.text(rule, "field");
    boolean dateField = sections.stream().flatMap(s -> s.fields().stream())
        .anyMatch(f -> f.name().equals(field) && "date".equals(f.widget()));
    if (!dateField) {
      throw here.fail("field", "'" + field + "' is not a date field of the layout");
    }
    FormDefinition.Comparison comparison;
    try {
      comparison = FormDefinition.Comparison.valueOf(here.text(rule, "comparison"));
    } catch (IllegalArgumentException ex) {
      throw here.fail("comparison", "must be one of " + Arrays.toString(FormDefinition.Comparison.values()));
    }
    if (!rule.path("days").canConvertToInt() || rule.path("days").asInt() < 0) {
      throw here.fail("days", "must be a number of days, 0 or more");
    }
    return new FormDefinition.CaseRule(caseCode, field, comparison, rule.path("days").asInt(),
        optional(rule, "basis"));
  }

  /** Two definitions of the same procedure, catalogue version and case would leave the choice to chance. */
  private static void checkNoOverlap(List<FormDefinition> definitions) {
    for (int i = 0; i < definitions.size(); i++) {
      for (int j = i + 1; j < definitions.size(); j++) {
        FormDefinition a = definitions.get(i);
        FormDefinition b = definitions.get(j);
        boolean sameCases = a.cases().isEmpty() || b.cases().isEmpty()
            || a.cases().stream().anyMatch(b.cases()::contains);
        if (a.procedureCode().equals(b.procedureCode()) && java.util.Objects.equals(a.catalogueVersion(),
            b.catalogueVersion()) && sameCases) {
          throw new FormDefinitionException(FOLDER + b.key() + ".yml: declares the same procedure, case and "
              + "catalogue version as " + FOLDER + a.key() + ".yml");
        }
      }
    }
  }

  private static LocalDate date(Where where, JsonNode node, String field) {
    if (!node.hasNonNull(field)) {
      return null;
    }
    try {
      return LocalDate.parse(node.get(field).asText());
    } catch (DateTimeParseException ex) {
      throw where.fail(field, "'" + node.get(field).asText() + "' is not a day written YYYY-MM-DD");
    }
  }

  private static String optional(JsonNode node, String field) {
    return node.hasNonNull(field) && !node.get(field).asText().isBlank() ? node.get(field).asText().trim() : null;
  }

  /** Where in which file a problem is, for the start-up message. */
  private record Where(String file, String path) {

    Where(String file) {
      this(file, "");
    }

    Where at(String more) {
      return new Where(file, path.isEmpty() ? more : path + "." + more);
    }

    FormDefinitionException fail(String field, String reason) {
      String place = path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
      return new FormDefinitionException(file + (place.isEmpty() ? "" : ": field '" + place + "'") + ": " + reason);
    }

    String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isValueNode() || value.asText().isBlank()) {
        throw fail(field, "missing or empty");
      }
      return value.asText().trim();
    }

    Iterable<JsonNode> list(JsonNode node, String field, boolean required) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        if (required) {
          throw fail(field, "missing: a non-empty list");
        }
        return List.of();
      }
      if (!value.isArray() || (required && value.isEmpty())) {
        throw fail(field, "must be a" + (required ? " non-empty" : "") + " list");
      }
      return value;
    }
  }
}
