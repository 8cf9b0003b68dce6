package org.motcua.dossier;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.motcua.common.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Why the dossier refuses an action in its present state: one of its lifecycle rules, with what the message names.
 * A value, so that callers may show it or raise it; raised, it is the problem+json the API has always answered.
 */
public record DossierRefusal(Reason reason, List<Object> args) {

  /** The lifecycle rules a dossier can refuse by; the name is the stable problem code. */
  public enum Reason implements org.motcua.common.Refusal {
    /** Rút hồ sơ only until the decision is signed. Args: code, status. */
    WITHDRAWAL_NOT_ALLOWED(HttpStatus.CONFLICT),
    /** While a withdrawal waits for confirmation, only that confirmation may be decided. Args: code. */
    WITHDRAWAL_PENDING(HttpStatus.CONFLICT),
    /** Nộp bổ sung without a supplement request. Args: code. */
    NO_SUPPLEMENT_REQUESTED(HttpStatus.CONFLICT),
    /** Rating before the result is returned. Args: code. */
    RATING_NOT_OPEN(HttpStatus.CONFLICT),
    /** A dossier is rated once. Args: code. */
    ALREADY_RATED(HttpStatus.CONFLICT),
    /** No files may be added by this party in this state. Args: code, status. */
    DOCUMENTS_CLOSED(HttpStatus.CONFLICT),
    /** An e-result before processing finished, or after the result was returned. Args: code. */
    RESULT_NOT_EXPECTED(HttpStatus.CONFLICT),
    /** Paying when no fee is asked for. Args: code. */
    NO_OPEN_CHARGE(HttpStatus.CONFLICT),
    /** Declaring a notice of financial obligation paid when none is waiting. Args: code. */
    NO_OBLIGATION_PENDING(HttpStatus.CONFLICT),
    /** Attaching a stage result when the dossier is not at a stage of the caller's agency. Args: code. */
    STAGE_RESULT_NOT_EXPECTED(HttpStatus.CONFLICT),
    /** Approving a stage before its result is attached. Args: code. */
    STAGE_RESULT_MISSING(HttpStatus.BAD_REQUEST),
    /** Returning a result that was not digitized. Args: code. */
    RESULT_NOT_DIGITIZED(HttpStatus.BAD_REQUEST),
    /** Returning a result by post without its tracking number. No args. */
    TRACKING_NUMBER_REQUIRED(HttpStatus.BAD_REQUEST, "trackingNumber"),
    /** An apology (form 04) after the appointment date has passed. Args: code, due date. */
    APOLOGY_TOO_LATE(HttpStatus.CONFLICT),
    /** An apology must promise a date later than the appointment. Args: due date. */
    NEW_APPOINTMENT_REQUIRED(HttpStatus.BAD_REQUEST, "newAppointment");

    private final HttpStatus status;
    private final String field;

    Reason(HttpStatus status) {
      this(status, null);
    }

    Reason(HttpStatus status, String field) {
      this.status = status;
      this.field = field;
    }

    @Override
    public HttpStatus status() {
      return status;
    }

    @Override
    public java.util.Optional<String> field() {
      return java.util.Optional.ofNullable(field);
    }
  }

  public DossierRefusal {
    args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
  }

  static DossierRefusal of(Reason reason, Object... args) {
    return new DossierRefusal(reason, Arrays.asList(args));
  }

  /** The stable problem code, e.g. {@code WITHDRAWAL_NOT_ALLOWED}. */
  public String code() {
    return reason.name();
  }

  public ApiException exception() {
    return reason.exception(args.toArray());
  }

  /** Refuses the request: for {@code dossier.withdrawalRefusal().ifPresent(DossierRefusal::raise)}. */
  public void raise() {
    throw exception();
  }
}
