package org.motcua.eform;

import java.time.LocalDate;

/**
 * What the signed-in account says about its holder, for pre-filling a form; any part may be null (unknown). Built by
 * the caller from the account (never from a request field).
 */
public record Identity(String name, String idNumber, LocalDate birthDate, String address, String phone) {

  /** The value for one kind of pre-fill, or null. */
  Object value(Prefill kind) {
    return switch (kind) {
      case NAME -> name;
      case ID_NUMBER -> idNumber;
      case BIRTH_DATE -> birthDate == null ? null : birthDate.toString();
      case ADDRESS -> address;
      case PHONE -> phone;
    };
  }
}
