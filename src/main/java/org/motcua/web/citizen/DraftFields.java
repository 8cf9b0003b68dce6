package org.motcua.web.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a draft of the submit page keeps: {@code {"form": {…the e-form's data…}, "fields": {name, idNumber, phone,
 * email, address, agencyCode, caseCode}}}. Files are never kept: they are chosen again when submitting.
 */
final class DraftFields {

  private DraftFields() {
  }

  static ObjectNode of(SubmitForm form, JsonNode eform) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    if (eform != null) {
      data.set("form", eform);
    }
    ObjectNode fields = data.putObject("fields");
    put(fields, "name", form.getName());
    put(fields, "idNumber", form.getIdNumber());
    put(fields, "phone", form.getPhone());
    put(fields, "email", form.getEmail());
    put(fields, "address", form.getAddress());
    put(fields, "agencyCode", form.getAgencyCode());
    put(fields, "caseCode", form.getCaseCode());
    return data;
  }

  static void fill(SubmitForm form, JsonNode fields) {
    form.setName(text(fields, "name"));
    form.setIdNumber(text(fields, "idNumber"));
    form.setPhone(text(fields, "phone"));
    form.setEmail(text(fields, "email"));
    form.setAddress(text(fields, "address"));
    form.setAgencyCode(text(fields, "agencyCode"));
    form.setCaseCode(text(fields, "caseCode"));
  }

  private static void put(ObjectNode fields, String name, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(name, value);
    }
  }

  private static String text(JsonNode fields, String name) {
    return fields.hasNonNull(name) ? fields.get(name).asText() : null;
  }
}
