package org.motcua.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.notifications.*} ({@code config/notifications.yml}): which messages go out, through which channels,
 * with which words.
 *
 * @param enabled         off: no message is written (nothing is sent)
 * @param publicUrl       the site's public address, the start of every link in a message
 * @param defaultChannels the channels of an account that has not chosen (its profile page)
 * @param counterChannels the channels of an applicant without an account (at the counter), to the phone and e-mail
 *                        written on the dossier
 * @param email           the e-mail channel: the sender; the SMTP server is Spring Mail's {@code spring.mail.*}
 *                        (without {@code spring.mail.host} e-mails go to the log)
 * @param sms             the SMS provider's endpoint
 * @param zalo            the Zalo ZNS provider's endpoint
 * @param templates       per event key ({@link NotificationEvent#key()}), per language ({@code vi}, {@code en})
 */
@ConfigurationProperties("motcua.notifications")
public record NotificationProperties(Boolean enabled, String publicUrl, List<NotificationChannel> defaultChannels,
    List<NotificationChannel> counterChannels, Email email, Provider sms, Provider zalo,
    Map<String, Map<String, Template>> templates) {

  /** The language of a message when the account chose none, and of the applicants without an account. */
  public static final String DEFAULT_LANGUAGE = "vi";

  public NotificationProperties {
    enabled = enabled == null || enabled;
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080"
        : publicUrl.replaceAll("/+$", "");
    defaultChannels = defaultChannels == null ? List.of(NotificationChannel.EMAIL) : List.copyOf(defaultChannels);
    counterChannels = counterChannels == null ? List.of(NotificationChannel.SMS, NotificationChannel.EMAIL)
        : List.copyOf(counterChannels);
    email = email == null ? new Email(null) : email;
    sms = sms == null ? new Provider(null, null, null) : sms;
    zalo = zalo == null ? new Provider(null, null, null) : zalo;
    templates = templates == null ? Map.of() : Map.copyOf(templates);
  }

  /** The event's template in the language, else in Vietnamese; null when the event has none (no message). */
  public Template template(NotificationEvent event, String language) {
    Map<String, Template> byLanguage = templates.get(event.key());
    if (byLanguage == null) {
      return null;
    }
    Template own = byLanguage.get(language);
    return own != null ? own : byLanguage.get(DEFAULT_LANGUAGE);
  }

  /** @param from the sender's address */
  public record Email(String from) {

    public Email {
      from = from == null || from.isBlank() ? "motcua@localhost" : from;
    }
  }

  /**
   * An HTTP provider (SMS gateway, Zalo ZNS): each message is POSTed as JSON with {@code Idempotency-Key} and
   * {@code Authorization: Bearer token}; any 2xx means accepted.
   *
   * @param url     empty: messages of this channel go to the log
   * @param timeout connect and answer timeout of one attempt
   */
  public record Provider(URI url, String token, Duration timeout) {

    public Provider {
      timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
  }

  /**
   * One event's words in one language. Placeholders: {@code {code}}, {@code {procedure}}, {@code {name}},
   * {@code {appointment}}, {@code {newAppointment}}, {@code {amount}}, {@code {note}}, {@code {trackingLink}},
   * {@code {dossierLink}}, {@code {paymentLink}}.
   *
   * @param subject       the e-mail's subject
   * @param text          the e-mail's body and the SMS
   * @param znsTemplateId the Zalo ZNS template registered with Zalo for this event (its parameters are the
   *                      placeholders' values); without one the event sends no Zalo message
   */
  public record Template(String subject, String text, String znsTemplateId) {
  }
}
