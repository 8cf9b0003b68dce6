package org.motcua.common;

import org.springframework.http.HttpStatus;

/**
 * An expected failure of a request: rendered as {@code application/problem+json} with a stable English
 * {@link #code() code} and a message looked up in {@code messages*.properties} under {@code error.<code>}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final transient Object[] args;
  private final transient Refusal refusal;

  public ApiException(HttpStatus status, String code, Object... args) {
    super(code);
    this.status = status;
    this.code = code;
    this.args = args;
    this.refusal = null;
  }

  public ApiException(Refusal refusal, Object... args) {
    super(refusal.code());
    this.status = refusal.status();
    this.code = refusal.code();
    this.args = args;
    this.refusal = refusal;
  }

  /** The same refusal, raised again by a subclass that adds what it concerns (a component, a field). */
  protected ApiException(ApiException refusal) {
    super(refusal.code, refusal);
    this.status = refusal.status;
    this.code = refusal.code;
    this.args = refusal.args;
    this.refusal = refusal.refusal;
  }

  /** The refusal this exception raises, when it was raised from a declared one. */
  public java.util.Optional<Refusal> refusal() {
    return java.util.Optional.ofNullable(refusal);
  }

  public static ApiException notFound(String code, Object... args) {
    return new ApiException(HttpStatus.NOT_FOUND, code, args);
  }

  public static ApiException badRequest(String code, Object... args) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, args);
  }

  public static ApiException forbidden(String code, Object... args) {
    return new ApiException(HttpStatus.FORBIDDEN, code, args);
  }

  public static ApiException conflict(String code, Object... args) {
    return new ApiException(HttpStatus.CONFLICT, code, args);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args;
  }

  /**
   * Members the problem+json carries besides its code and message (e.g. the {@code errors} of a form, field by
   * field); none by default.
   */
  public java.util.Map<String, Object> problemProperties() {
    return java.util.Map.of();
  }
}
