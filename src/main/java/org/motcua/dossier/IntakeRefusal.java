package org.motcua.dossier;

import java.util.Optional;
import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a dossier is not received (online or at the counter): what the applicant or the clerk must correct. */
public enum IntakeRefusal implements Refusal {
  // Field "fee": the fee box of a page (quantities; at the counter, the payment or exemption taken with the dossier).
  /** The procedure code is not in the catalogue. Args: code. */
  UNKNOWN_PROCEDURE(HttpStatus.BAD_REQUEST, "procedureCode"),
  /** The procedure is not offered online (dịch vụ công trực tuyến một phần / toàn trình). Args: code. */
  PROCEDURE_NOT_ONLINE(HttpStatus.BAD_REQUEST, "procedureCode"),
  /** A clerk receives only their own agency's procedures. Args: code. */
  PROCEDURE_NOT_OF_YOUR_AGENCY(HttpStatus.FORBIDDEN, "procedureCode"),
  /** A procedure with several receiving agencies needs the applicant's choice of one. Args: procedure. */
  RECEIVING_AGENCY_REQUIRED(HttpStatus.BAD_REQUEST, "agencyCode"),
  /** The chosen receiving agency does not offer the procedure (not one of its offerings). Args: agency, procedure. */
  AGENCY_NOT_OFFERING(HttpStatus.BAD_REQUEST, "agencyCode"),
  /** A clerk receives for their own agency only, not for another one named in the request. Args: agency. */
  AGENCY_NOT_YOURS(HttpStatus.FORBIDDEN, "agencyCode"),
  /** The procedure has several cases (trường hợp) and none was chosen. Args: procedure. */
  CASE_REQUIRED(HttpStatus.BAD_REQUEST, "caseCode"),
  /** The procedure's version in force has no case with this code. Args: case, procedure. */
  UNKNOWN_CASE(HttpStatus.BAD_REQUEST, "caseCode"),
  /** Not a channel code (1 online, 2 counter, 3 post). Args: code. */
  INVALID_CHANNEL(HttpStatus.BAD_REQUEST, "channel"),
  /** A clerk enters counter or postal dossiers; online ones come from the applicant. No args. */
  COUNTER_CHANNEL_REQUIRED(HttpStatus.BAD_REQUEST, "channel"),
  /** A dossier that came by post is recorded with its tracking number. No args. */
  POSTAL_TRACKING_REQUIRED(HttpStatus.BAD_REQUEST, "postalTrackingNumber") {
    @Override
    public String code() {
      // The code predates this enum and is shared with the return by post: clients know it under this name.
      return "TRACKING_NUMBER_REQUIRED";
    }
  },
  /** Not a valid CCCD (12 digits) or tax code. Args: number. */
  INVALID_ID_NUMBER(HttpStatus.BAD_REQUEST, "idNumber"),
  /** A declared fee quantity the procedure's fee schedule does not know. Args: quantity, procedure. */
  UNKNOWN_FEE_QUANTITY(HttpStatus.BAD_REQUEST, "fee"),
  /** A declared fee quantity out of its allowed range. Args: quantity, procedure. */
  INVALID_FEE_QUANTITY(HttpStatus.BAD_REQUEST, "fee"),
  /** A fee taken at intake for a procedure whose fee is not due at submission. Args: procedure. */
  NO_FEE_DUE_AT_SUBMISSION(HttpStatus.BAD_REQUEST, "fee"),
  /** A fee taken at the counter needs its method and receipt number. No args. */
  COUNTER_PAYMENT_INCOMPLETE(HttpStatus.BAD_REQUEST, "fee"),
  /** An exemption ground the procedure does not list. Args: ground, procedure. */
  UNKNOWN_EXEMPTION(HttpStatus.BAD_REQUEST, "fee"),
  /**
   * The citizen signed in through an identity provider at an assurance level below the one it demands for online
   * submission (README "Sign-in with OpenID Connect"). Args: the level (0: none stated), the minimum.
   */
  ASSURANCE_TOO_LOW(HttpStatus.FORBIDDEN, null);

  private final HttpStatus status;
  private final String field;

  IntakeRefusal(HttpStatus status, String field) {
    this.status = status;
    this.field = field;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The refusal a fee schedule's reason code names. */
  static IntakeRefusal ofFeeReason(String reason) {
    return valueOf(reason);
  }
}
