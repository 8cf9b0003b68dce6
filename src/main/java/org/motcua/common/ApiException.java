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

  public ApiException(HttpStatus status, String code, Object... args) {
    super(code);
    this.status = status;
    this.code = code;
    this.args = args;
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
}
