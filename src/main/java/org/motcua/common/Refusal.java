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

  String code();

  HttpStatus status();

  /** The form field a page shows this refusal next to; empty when it concerns the whole form. */
  default Optional<String> field() {
    return Optional.empty();
  }

  /** The refusal with the values its message names, ready to throw. */
  default ApiException exception(Object... args) {
    return new ApiException(this, args);
  }
}
