package org.motcua.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.motcua.catalog.Procedure;

/** Stores the components a dossier was submitted with as JSON, so later catalog changes leave it as it was. */
@Converter
class ComponentListConverter implements AttributeConverter<List<Procedure.Component>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Procedure.Component>> TYPE = new TypeReference<>() {
  };

  @Override
  public String convertToDatabaseColumn(List<Procedure.Component> components) {
    try {
      return components == null ? null : JSON.writeValueAsString(components);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the component list", e);
    }
  }

  @Override
  public List<Procedure.Component> convertToEntityAttribute(String json) {
    try {
      return json == null ? null : List.copyOf(JSON.readValue(json, TYPE));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable component list: " + json, e);
    }
  }
}
