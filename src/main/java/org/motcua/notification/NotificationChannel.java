package org.motcua.notification;

/** How a message reaches the applicant; each channel is an outbox topic with its own sink. */
public enum NotificationChannel {
  /** E-mail through the configured SMTP server (Spring Mail). */
  EMAIL("notification.email"),
  /** SMS through the configured provider's HTTP endpoint. */
  SMS("notification.sms"),
  /** Zalo ZNS template messages through the configured provider's HTTP endpoint. */
  ZALO("notification.zalo");

  private final String topic;

  NotificationChannel(String topic) {
    this.topic = topic;
  }

  /** The outbox topic of this channel's messages. */
  public String topic() {
    return topic;
  }
}
