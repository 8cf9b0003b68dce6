package org.motcua.process;

/**
 * The points of the BPMN process at which a dossier changes state. The model names them (intermediate events,
 * end events, timers) and the dossier feature decides what each one means for the dossier.
 */
public enum Milestone {
  /** Đã tiếp nhận: the clerk accepted the dossier; the processing clock starts. */
  RECEIVED,
  /** Yêu cầu bổ sung: the applicant must supply what is missing (form 02). */
  SUPPLEMENT_REQUESTED,
  /** Không tiếp nhận: refused at reception (form 03). */
  NOT_RECEIVED,
  /** Đang xử lý: the dossier entered appraisal and approval. */
  PROCESSING,
  /** Sắp đến hạn: the warning timer before the appointment date fired. */
  DUE_SOON,
  /** Quá hạn: the appointment date passed while the dossier was still being handled. */
  OVERDUE,
  /** Từ chối giải quyết: the leader refused after reception; handling stops. */
  REFUSED,
  /** Đã xử lý xong: approved; the result waits to be returned. */
  FINISHED,
  /** Đã trả kết quả: the result was handed to the applicant. */
  RETURNED,
  /** Đã rút hồ sơ: a clerk confirmed the applicant's withdrawal; the process ends (status 8). */
  WITHDRAWN,
  /** The clerk did not accept the withdrawal; handling goes on. */
  WITHDRAWAL_REJECTED,
  /** Yêu cầu thực hiện nghĩa vụ tài chính (status 6): the fee must be paid before the result is returned. */
  PAYMENT_REQUESTED,
  /** A reminder to pay went out. */
  PAYMENT_REMINDED,
  /** Still unpaid when the payment deadline passed: handling stops (status 8). */
  UNPAID_STOPPED,
  /**
   * Thông báo nghĩa vụ tài chính (status 6): a stage ended with a notice the applicant must pay to another agency
   * (e.g. the tax authority's notice on a land registration); the clock pauses until it is paid.
   */
  OBLIGATION_NOTIFIED,
  /**
   * Quá hạn cho ý kiến: a consulted agency did not answer within its budget; the handling agency goes on without
   * its opinion (the agency is the execution's {@code agencyCode}).
   */
  CONSULTATION_TIMED_OUT
}
