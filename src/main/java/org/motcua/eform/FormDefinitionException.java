package org.motcua.eform;

/** A form definition of {@code config/forms/} that cannot be used: start-up stops with its file, place and reason. */
public class FormDefinitionException extends RuntimeException {

  public FormDefinitionException(String message) {
    super(message);
  }

  public FormDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
