package org.motcua.notification;

/** What a message tells the applicant; each has a template in {@code config/notifications.yml} under its key. */
public enum NotificationEvent {
  /** Tiếp nhận: the dossier code, the appointment, the tracking link. */
  RECEIVED("received"),
  /** Yêu cầu bổ sung: the officer's written guide. */
  SUPPLEMENT_REQUESTED("supplement-requested"),
  /** Nghĩa vụ tài chính: the amount and the payment link. */
  FEE_DUE("fee-due"),
  /** The fee is still unpaid (at each of the process's payment reminders). */
  PAYMENT_REMINDER("payment-reminder"),
  /** The fee was paid or exempted. */
  PAID("paid"),
  /** The result is ready to be returned. */
  RESULT_READY("result-ready"),
  /** The result was returned. */
  RETURNED("returned"),
  /** Xin lỗi và hẹn lại: the reason and the new appointment. */
  APOLOGY("apology"),
  /** Not received, or refused after reception: the reason. */
  REFUSED("refused"),
  /** Handling stopped, the fee never paid. */
  STOPPED("stopped"),
  /** Withdrawn at the applicant's request. */
  WITHDRAWN("withdrawn");

  private final String key;

  NotificationEvent(String key) {
    this.key = key;
  }

  /** The template's key in {@code motcua.notifications.templates}. */
  public String key() {
    return key;
  }
}
