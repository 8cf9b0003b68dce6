package org.motcua.common;

import org.springframework.http.HttpStatus;

/**
 * The refusals any API request may meet whatever it does, answered by the shared plumbing rather than a use case:
 * {@code common.ProblemHandler} (the body or a parameter cannot be read), {@code security.SecurityConfig} (not signed
 * in, not allowed, sign-in throttled, CSRF), {@code security.MalformedRequests} (a probe's address),
 * {@code common.DatabaseOutage}. The API document ({@code apidocs.RefusalResponses}) adds them to each operation
 * they can apply to; the use cases declare only their own. {@code ProblemHandler} answers with these constants.
 */
public enum AnyRequestRefusal implements Refusal {
  /** Any address under /api/ the firewall refuses ({@code //}, {@code ;}, {@code ..}). */
  MALFORMED_ADDRESS(HttpStatus.BAD_REQUEST),
  /** A required query parameter is missing. Args: its name. */
  MISSING_PARAMETER(HttpStatus.BAD_REQUEST),
  /** A parameter's value cannot be read as its type (a date, a number…). Args: name, value. */
  INVALID_PARAMETER(HttpStatus.BAD_REQUEST),
  /** The JSON body cannot be read. */
  MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
  /** The JSON body has a field the API does not know. Args: its name. */
  UNKNOWN_FIELD(HttpStatus.BAD_REQUEST),
  /** A field of the body breaks its constraint; {@code errors} lists them. Args: the fields. */
  VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
  /** A multipart request lacks a required part. Args: its name. */
  MISSING_PART(HttpStatus.BAD_REQUEST),
  /** Not signed in, or a wrong password (HTTP Basic). */
  UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
  /** The caller's role may not call this address. */
  ACCESS_DENIED(HttpStatus.FORBIDDEN),
  /** A state-changing call made by a browser without the session's CSRF token. */
  CSRF_TOKEN_REQUIRED(HttpStatus.FORBIDDEN),
  /** Concurrent actions on the same record: this one lost, nothing stored, it may be tried again. */
  CONCURRENT_CHANGE(HttpStatus.CONFLICT),
  /** Another action held the record longer than the database waits: nothing stored, try again. */
  RECORD_BUSY(HttpStatus.CONFLICT),
  /** A multipart body over the server's upload limit. */
  UPLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
  /** A body in a format the operation does not read. */
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  /** Too many wrong passwords for the account or from the address: {@code Retry-After} says when. Args: minutes. */
  SIGN_IN_THROTTLED(HttpStatus.TOO_MANY_REQUESTS),
  /** The database is away: nothing was done, try again in a few seconds ({@code Retry-After}). */
  DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

  private final HttpStatus status;

  AnyRequestRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
