package org.motcua.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.motcua.outbox.OutboxMessage;
import org.motcua.outbox.OutboxSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the e-mail of an outbox row of {@code notification.email} through the SMTP server (Spring Mail). The message's
 * {@code Message-ID} is made from the event's idempotency key, the same at every attempt, so a mailbox or archive
 * that dedups by {@code Message-ID} keeps one copy of an e-mail sent again after a crash between send and commit.
 * Without an SMTP server ({@code spring.mail.host} unset) the demo profile writes the e-mail to the log and counts it
 * as sent; any other profile fails the delivery (it is retried, then a dead letter the administrator sees), so that
 * no applicant is told "sent" for a message that went nowhere and no address lands in the log.
 */
class EmailSink implements OutboxSink.ForTopic {

  private static final Logger log = LoggerFactory.getLogger(EmailSink.class);

  private final JavaMailSender mail;
  private final NotificationMessages messages;
  private final NotificationProperties.Email config;
  private final boolean logWithoutServer;

  EmailSink(JavaMailSender mail, NotificationMessages messages, NotificationProperties.Email config,
      boolean logWithoutServer) {
    this.mail = mail;
    this.messages = messages;
    this.config = config;
    this.logWithoutServer = logWithoutServer;
  }

  @Override
  public String topic() {
    return NotificationChannel.EMAIL.topic();
  }

  @Override
  public void deliver(OutboxMessage event) throws MessagingException {
    if (mail == null && !logWithoutServer) {
      throw new MessagingException("No SMTP server configured (spring.mail.host): e-mail " + event.key() + " not sent");
    }
    NotificationMessages.Message message = ProviderSink.messageOf(event, messages);
    if (mail == null) {
      log.info("E-mail {} to {} (no SMTP server configured): {} — {}", event.key(), message.recipient(),
          message.subject(), message.body());
      return;
    }
    String messageId = "<" + event.key() + "@motcua>";
    MimeMessage mime = mail instanceof JavaMailSenderImpl impl ? new KeyedMessage(impl.getSession(), messageId)
        : mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
    helper.setFrom(config.from());
    helper.setTo(message.recipient());
    helper.setSubject(message.subject() == null ? "" : message.subject());
    helper.setText(message.body(), false);
    mime.setHeader("Idempotency-Key", event.key());
    mail.send(mime);
  }

  /** A message whose {@code Message-ID} is the event's, not a new one at every attempt. */
  private static final class KeyedMessage extends MimeMessage {

    private final String messageId;

    KeyedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
