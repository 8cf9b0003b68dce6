package org.motcua.eform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One e-form definition (định nghĩa biểu mẫu điện tử) as written in {@code config/forms/}: the declaration of a
 * procedure's cases from a catalogue version on.
 *
 * @param key the file's name without {@code .yml}: what a dossier records as the form it was filled in with
 * @param procedureCode the localized procedure code of the catalogue
 * @param cases the cases it is the declaration of; empty: every case of the procedure
 * @param catalogueVersion the first catalogue version it applies to (the version's {@code validFrom}); null: from the
 *     first version. Of several definitions of a case, a version takes the latest that is not after it.
 * @param component the dossier component the declaration stands as (thành phần tờ khai), e.g. {@code TO_KHAI}
 * @param title the title printed on the declaration, e.g. "TỜ KHAI ĐĂNG KÝ KHAI SINH"
 * @param officialForm the official form it follows and the circular that sets it
 * @param addressee to whom the declaration is addressed ("Kính gửi"); null: the receiving agency
 * @param pledge the applicant's pledge printed above the signature
 * @param signer the title over the signature, e.g. "NGƯỜI YÊU CẦU"
 * @param schema the JSON Schema (draft 2020-12) of the data
 * @param sections the layout: sections of fields, in order
 * @param caseSelection rules by which the data selects the case, in order; empty: the applicant chooses
 * @param otherwiseCase the case when no rule holds (with rules only)
 */
public record FormDefinition(
    String key,
    String procedureCode,
    List<String> cases,
    LocalDate catalogueVersion,
    String component,
    String title,
    String officialForm,
    String addressee,
    String pledge,
    String signer,
    JsonNode schema,
    List<Section> sections,
    List<CaseRule> caseSelection,
    String otherwiseCase,
    @JsonIgnore JsonSchema compiled) {

  public FormDefinition {
    cases = List.copyOf(cases);
    sections = List.copyOf(sections);
    caseSelection = List.copyOf(caseSelection);
  }

  /** A section of the layout (phần): its title, an optional help text and its fields in order. */
  public record Section(String title, String help, List<Field> fields) {

    public Section {
      fields = List.copyOf(fields);
    }
  }

  /**
   * A field of the layout.
   *
   * @param name the field's place in the data, dotted ({@code child.birthDate})
   * @param label its Vietnamese label as the official form prints it
   * @param help a help text shown under it; null for none
   * @param widget how a page shows it: {@code text}, {@code textarea}, {@code date}, {@code number}, {@code select},
   *     {@code checkbox} (from the schema when the layout does not say)
   * @param prefill what the signed-in account pre-fills it with; null for nothing
   * @param options the labels of a choice's values (from the schema's {@code enum}), in order
   */
  public record Field(String name, String label, String help, String widget, Prefill prefill,
      Map<String, String> options) {

    public Field {
      options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** The field's value in the data; a missing one is a missing node. */
    public JsonNode valueIn(JsonNode data) {
      JsonNode node = data;
      for (String part : name.split("\\.")) {
        node = node.path(part);
      }
      return node;
    }

    /** The value as the declaration prints it: a choice's label, a date as dd/MM/yyyy, yes/no; empty when none. */
    public String printed(JsonNode data) {
      JsonNode value = valueIn(data);
      if (value.isMissingNode() || value.isNull()) {
        return "";
      }
      if (value.isBoolean()) {
        return value.asBoolean() ? "Có" : "Không";
      }
      String text = value.asText();
      if (options.containsKey(text)) {
        return options.get(text);
      }
      if ("date".equals(widget) && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return text.substring(8, 10) + "/" + text.substring(5, 7) + "/" + text.substring(0, 4);
      }
      return text;
    }
  }

  /**
   * A rule by which the data selects the case, e.g. a birth registered more than 60 days after the birth date is
   * the late registration: {@code {case: QUA_HAN, field: child.birthDate, comparison: MORE_THAN_DAYS_AGO, days: 60}}.
   *
   * @param basis the legal provision the rule follows, in words (shown to the applicant)
   */
  public record CaseRule(String caseCode, String field, Comparison comparison, int days, String basis) {

    /** True when the rule holds for the data on that day; a missing or unreadable date never holds. */
    public boolean holds(JsonNode data, LocalDate today) {
      JsonNode node = data;
      for (String part : field.split("\\.")) {
        node = node.path(part);
      }
      if (!node.isTextual()) {
        return false;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(node.asText());
      } catch (java.time.format.DateTimeParseException ex) {
        return false;
      }
      long ago = ChronoUnit.DAYS.between(date, today);
      return switch (comparison) {
        case MORE_THAN_DAYS_AGO -> ago > days;
        case AT_MOST_DAYS_AGO -> ago <= days;
      };
    }
  }

  /** How a rule compares a date field with the day of submission. */
  public enum Comparison {
    /** The date is more than {@code days} days before the day of submission. */
    MORE_THAN_DAYS_AGO,
    /** The date is at most {@code days} days before the day of submission (or after it). */
    AT_MOST_DAYS_AGO
  }

  /** True when it is the declaration of that case (any case, when it names none). */
  public boolean covers(String caseCode) {
    return cases.isEmpty() || cases.contains(caseCode);
  }

  /** Every field of the layout, in order. */
  public List<Field> fields() {
    return sections.stream().flatMap(s -> s.fields().stream()).toList();
  }

  public Optional<Field> field(String name) {
    return fields().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The case the data selects on that day: the first rule that holds, else {@link #otherwiseCase}; empty when the
   * definition has no rules (the applicant chooses).
   */
  public Optional<Selected> selectCase(JsonNode data, LocalDate today) {
    if (caseSelection.isEmpty()) {
      return Optional.empty();
    }
    for (CaseRule rule : caseSelection) {
      if (rule.holds(data, today)) {
        return Optional.of(new Selected(rule.caseCode(), rule));
      }
    }
    return Optional.of(new Selected(otherwiseCase, null));
  }

  /** A selected case and the rule that selected it (null: no rule held, the otherwise case). */
  public record Selected(String caseCode, CaseRule rule) {
  }
}
