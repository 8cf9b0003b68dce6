package org.motcua.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.motcua.outbox.OutboxMessage;

/**
 * Outside the demo profile, a channel without its server or provider fails the delivery instead of writing the
 * message (address and text: personal data) to the log and counting it as sent (a bug found in review): the outbox
 * retries it, then keeps it as a dead letter the administrator sees.
 */
class UnconfiguredChannelsTest {

  private static final OutboxMessage EVENT = new OutboxMessage("k-1", 1, "notification.sms", "000.00.12.H13-261205-0001",
      LocalDateTime.of(2026, 12, 5, 9, 0), "{\"messageId\":1}", 1);

  @Test
  void withoutAnSmtpServerAnEmailFails() {
    EmailSink sink = new EmailSink(null, null, new NotificationProperties.Email(null), false);
    assertThatThrownBy(() -> sink.deliver(EVENT)).isInstanceOf(MessagingException.class)
        .hasMessageContaining("No SMTP server configured").hasMessageNotContaining("@");
  }

  @Test
  void withoutAProviderAnSmsOrZaloMessageFails() {
    for (NotificationChannel channel : new NotificationChannel[] {NotificationChannel.SMS, NotificationChannel.ZALO}) {
      ProviderSink sink = new ProviderSink(channel, new NotificationProperties.Provider(null, null, null), null,
          new ObjectMapper(), false);
      assertThatThrownBy(() -> sink.deliver(EVENT)).isInstanceOf(IOException.class)
          .hasMessageContaining("No " + channel + " provider configured");
    }
  }
}
