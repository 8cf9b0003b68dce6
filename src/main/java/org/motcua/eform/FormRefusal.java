package org.motcua.eform;

import java.util.Optional;
import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why an e-form request is refused. */
public enum FormRefusal implements Refusal {
  /** The procedure case has no e-form definition: its declaration is uploaded as a file. Args: procedure, case. */
  NO_FORM(HttpStatus.NOT_FOUND, "form"),
  /**
   * The form's data does not pass its definition; the problem's {@code errors} name each field (JSON path, field,
   * code, message). Args: the number of fields, their paths.
   */
  FORM_INVALID(HttpStatus.BAD_REQUEST, "form"),
  /**
   * The case named is not the one the form's data selects by law (e.g. a birth registered more than 60 days after
   * it is the late registration). Args: case named, case selected, its name, the rule's legal basis.
   */
  FORM_CASE_MISMATCH(HttpStatus.BAD_REQUEST, "caseCode"),
  /** The form's data is larger than a declaration can be. Args: the most characters, as JSON. */
  FORM_TOO_LARGE(HttpStatus.BAD_REQUEST, "form");

  private final HttpStatus status;
  private final String field;

  FormRefusal(HttpStatus status, String field) {
    this.status = status;
    this.field = field;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public Optional<String> field() {
    return Optional.of(field);
  }
}
