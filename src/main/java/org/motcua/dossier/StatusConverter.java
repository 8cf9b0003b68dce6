package org.motcua.dossier;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the status as its national code 1–10. */
@Converter
class StatusConverter implements AttributeConverter<DossierStatus, Integer> {

  @Override
  public Integer convertToDatabaseColumn(DossierStatus status) {
    return status == null ? null : status.code();
  }

  @Override
  public DossierStatus convertToEntityAttribute(Integer code) {
    return code == null ? null : DossierStatus.ofCode(code);
  }
}
