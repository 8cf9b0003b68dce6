package org.motcua.common;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every expected failure of the API into problem+json with a stable code. */
@RestControllerAdvice
class ProblemHandler {

  private final Problems problems;

  ProblemHandler(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail problem = problems.of(e);
    e.problemProperties().forEach(problem::setProperty);
    ResponseEntity<ProblemDetail> response = respond(problem);
    if (e instanceof Throttled throttled) {
      return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
          .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds())).body(response.getBody());
    }
    return response;
  }

  /** Two actions changed the same record at once and this one lost: nothing was stored, it may be tried again. */
  @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> concurrentChange(org.springframework.dao.OptimisticLockingFailureException e) {
    return respond(problems.of(AnyRequestRefusal.CONCURRENT_CHANGE));
  }

  /**
   * Another action held the record longer than the database waits for a lock (H2's LOCK_TIMEOUT, PostgreSQL's
   * lock_timeout), or two actions waited on each other (a deadlock the database broke): nothing was stored, it may be
   * tried again. The process engine's own lock failures arrive here too ({@code LockFailureEnginePlugin}).
   */
  @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> busy(org.springframework.dao.PessimisticLockingFailureException e) {
    return respond(problems.of(AnyRequestRefusal.RECORD_BUSY));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(ProblemHandler::fieldError)
        .toList();
    String fields = String.join(", ", errors.stream().map(m -> m.get("field")).toList());
    ProblemDetail problem = problems.of(AnyRequestRefusal.VALIDATION_FAILED, fields);
    problem.setProperty("errors", errors);
    return respond(problem);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    // A field the API does not know is refused by name: a typo must not be silently ignored.
    if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
      return respond(problems.of(AnyRequestRefusal.UNKNOWN_FIELD, unknown.getPropertyName()));
    }
    return respond(problems.of(AnyRequestRefusal.MALFORMED_REQUEST));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    return respond(problems.of(AnyRequestRefusal.MISSING_PARAMETER, e.getParameterName()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return respond(problems.of(AnyRequestRefusal.INVALID_PARAMETER, e.getName(), String.valueOf(e.getValue())));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return respond(problems.of(AnyRequestRefusal.ACCESS_DENIED));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMethod()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(problems.of(AnyRequestRefusal.UNSUPPORTED_MEDIA_TYPE));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return respond(problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND"));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
    return respond(problems.of(AnyRequestRefusal.UPLOAD_TOO_LARGE));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    return respond(problems.of(AnyRequestRefusal.MISSING_PART, e.getRequestPartName()));
  }

  private static Map<String, String> fieldError(FieldError error) {
    return Map.of("field", error.getField(),
        "message", error.getDefaultMessage() == null ? "" : error.getDefaultMessage());
  }

  static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(problem, headers, HttpStatusCode.valueOf(problem.getStatus()));
  }
}
