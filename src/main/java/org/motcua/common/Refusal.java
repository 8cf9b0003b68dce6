package org.motcua.common;

import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Why a request is refused, as a value: a stable English code (the problem's {@code code}, the message key
 * {@code error.<code>}), its HTTP status, and the form field it belongs to on a page, if any. Use cases declare the
 * refusals they may answer with ({@link UseCase#refusals()}); the API documents them from that declaration, the
 * problem+json handler renders them and the pages put them next to their field.
 */
public interface Refusal {

  /** The stable code; an enum of refusals answers with its constant's name. */
  default String code() {
    if (this instanceof Enum<?> constant) {
      return constant.name();
    }
    throw new IllegalStateException(getClass().getName() + " must say its code");
  }

  HttpStatus status();

  /** The form field a page shows this refusal next to; empty when it concerns the whole form. */
  default Optional<String> field() {
    return Optional.empty();
  }

  /** A refusal declared as a constant where an enum of them would be too much (one or two per use case). */
  static Refusal of(String code, HttpStatus status) {
    return new Declared(code, status, Optional.empty());
  }

  static Refusal of(String code, HttpStatus status, String field) {
    return new Declared(code, status, Optional.of(field));
  }

  /** A refusal declared with {@link #of}. */
  record Declared(String code, HttpStatus status, Optional<String> field) implements Refusal {
  }

  /** The refusal with the values its message names, ready to throw. */
  default ApiException exception(Object... args) {
    return new ApiException(this, args);
  }
}
