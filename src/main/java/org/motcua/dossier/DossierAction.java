package org.motcua.dossier;

/** What a line of the processing-control slip (phiếu kiểm soát quá trình giải quyết) records. */
public enum DossierAction {
  SUBMITTED,
  TASK_COMPLETED,
  RECEIVED,
  SUPPLEMENT_REQUESTED,
  SUPPLEMENT_PROVIDED,
  NOT_RECEIVED,
  PROCESSING,
  DUE_SOON,
  OVERDUE,
  REFUSED,
  FINISHED,
  RETURNED,
  DOCUMENT_ADDED,
  RESULT_DIGITIZED,
  WITHDRAWAL_REQUESTED,
  WITHDRAWN,
  WITHDRAWAL_REJECTED,
  APOLOGY_ISSUED,
  PAYMENT_REQUESTED,
  PAYMENT_REMINDED,
  /** Quá hạn cho ý kiến: a consulted agency did not answer in time; handling went on without its opinion. */
  CONSULTATION_TIMED_OUT,
  PAYMENT_SETTLED,
  UNPAID_STOPPED,
  SATISFACTION_RATED,
  CASE_CHANGED,
  STAGE_STARTED,
  STAGE_COMPLETED,
  OBLIGATION_NOTIFIED,
  OBLIGATION_FULFILLED,
  STAGE_RESULT_ADDED,
  /** A step's warning share of its budget passed while it was open. */
  STEP_WARNED,
  /** A step ran out while open: it went to its agency leader's inbox too. */
  STEP_ESCALATED,
  /** The reception clerk corrected a field of the declaration filled in as an e-form (before → after). */
  FORM_CORRECTED
}
