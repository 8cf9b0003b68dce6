package org.motcua.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.motcua.dossier.DossierAction;
import org.motcua.dossier.DossierRecorded;
import org.motcua.dossier.DossierStatus;
import org.motcua.outbox.Outbox;
import org.motcua.security.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the applicant's messages about a history line of their dossier, in the transaction that wrote the line: for
 * each channel the recipient uses, a {@code notification_message} row (what the citizen sees on the dossier page)
 * and an outbox row of the channel's topic with the same deterministic key (the dossier code, the line's action and
 * instant, the event and the channel, as a name-based UUID). A rolled-back change therefore leaves neither, and
 * nothing is sent for it.
 *
 * <p>Who receives: the dossier's owner account (submitted online, or linked at the counter) through the channels it
 * chose, to the e-mail and phone of the account, in its language; an applicant without an account through
 * {@code motcua.notifications.counter-channels}, to the phone and e-mail written on the dossier, in Vietnamese. A
 * channel without an address is skipped, as is Zalo for an event without a ZNS template.
 */
@Component
class NotificationWriter {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
  private static final DateTimeFormatter WHEN_EN = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy");

  private final NotificationProperties properties;
  private final NotificationPreferences preferences;
  private final NotificationMessages messages;
  private final UserAccounts accounts;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final Clock clock;

  NotificationWriter(NotificationProperties properties, NotificationPreferences preferences,
      NotificationMessages messages, UserAccounts accounts, Outbox outbox, ObjectMapper json, Clock clock) {
    this.properties = properties;
    this.preferences = preferences;
    this.messages = messages;
    this.accounts = accounts;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  @EventListener
  void on(DossierRecorded line) {
    if (!properties.enabled()) {
      return;
    }
    List<NotificationEvent> events = events(line);
    if (events.isEmpty()) {
      return;
    }
    Recipient recipient = recipient(line);
    if (recipient == null) {
      return;
    }
    for (NotificationEvent event : events) {
      NotificationProperties.Template template = properties.template(event, recipient.language());
      if (template == null) {
        continue;
      }
      Map<String, String> values = values(line, recipient);
      for (NotificationChannel channel : NotificationChannel.values()) {
        String address = recipient.addresses().get(channel);
        if (address == null || address.isBlank()) {
          continue;
        }
        if (channel == NotificationChannel.ZALO && blank(template.znsTemplateId())) {
          continue;
        }
        write(line, event, channel, address.trim(), recipient, template, values);
      }
    }
  }

  /** The messages a history line calls for. */
  static List<NotificationEvent> events(DossierRecorded line) {
    DossierAction action = line.action();
    return switch (action) {
      case RECEIVED -> List.of(NotificationEvent.RECEIVED);
      case SUPPLEMENT_REQUESTED -> List.of(NotificationEvent.SUPPLEMENT_REQUESTED);
      case PAYMENT_REQUESTED -> List.of(NotificationEvent.FEE_DUE);
      case PAYMENT_REMINDED -> List.of(NotificationEvent.PAYMENT_REMINDER);
      // Paid before the result: the result is ready as well (its message was held while the fee was due).
      case PAYMENT_SETTLED -> line.status() == DossierStatus.FINISHED.code()
          ? List.of(NotificationEvent.PAID, NotificationEvent.RESULT_READY) : List.of(NotificationEvent.PAID);
      case FINISHED -> line.paymentFollows() ? List.of() : List.of(NotificationEvent.RESULT_READY);
      case RETURNED -> List.of(NotificationEvent.RETURNED);
      case APOLOGY_ISSUED -> List.of(NotificationEvent.APOLOGY);
      case REFUSED, NOT_RECEIVED -> List.of(NotificationEvent.REFUSED);
      case UNPAID_STOPPED -> List.of(NotificationEvent.STOPPED);
      case WITHDRAWN -> List.of(NotificationEvent.WITHDRAWN);
      default -> List.of();
    };
  }

  /** Who gets the message, where, in which language. */
  record Recipient(String username, String name, String language, Map<NotificationChannel, String> addresses) {
  }

  private Recipient recipient(DossierRecorded line) {
    Map<NotificationChannel, String> addresses = new LinkedHashMap<>();
    if (line.ownerUsername() != null) {
      UserAccounts.Contact contact = accounts.contact(line.ownerUsername()).orElse(null);
      if (contact == null) {
        return null;
      }
      NotificationPreferences.Preference chosen = preferences.of(line.ownerUsername());
      for (NotificationChannel channel : chosen.channels()) {
        addresses.put(channel, channel == NotificationChannel.EMAIL ? contact.email() : contact.phone());
      }
      return new Recipient(contact.username(), contact.fullName() == null ? line.applicantName()
          : contact.fullName(), chosen.language(), addresses);
    }
    for (NotificationChannel channel : properties.counterChannels()) {
      addresses.put(channel, channel == NotificationChannel.EMAIL ? line.applicantEmail() : line.applicantPhone());
    }
    return new Recipient(null, line.applicantName(), NotificationProperties.DEFAULT_LANGUAGE, addresses);
  }

  /** The placeholders' values. */
  private Map<String, String> values(DossierRecorded line, Recipient recipient) {
    boolean english = "en".equals(recipient.language());
    DateTimeFormatter when = english ? WHEN_EN : WHEN;
    String base = properties.publicUrl();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("code", line.code());
    values.put("procedure", nz(line.procedureName()));
    values.put("name", nz(recipient.name()));
    values.put("appointment", line.dueAt() == null ? "" : when.format(line.dueAt()));
    values.put("newAppointment", line.appointmentAt() == null ? "" : when.format(line.appointmentAt()));
    values.put("amount", String.format(english ? Locale.US : Locale.GERMANY, "%,d", line.feeVnd()));
    values.put("note", nz(line.note()));
    values.put("trackingLink", base + "/tra-cuu?code=" + line.code());
    values.put("dossierLink", base + "/citizen/dossiers/" + line.code());
    values.put("paymentLink", recipient.username() == null ? base + "/tra-cuu?code=" + line.code()
        : base + "/citizen/dossiers/" + line.code() + "#payment");
    return values;
  }

  private void write(DossierRecorded line, NotificationEvent event, NotificationChannel channel, String address,
      Recipient recipient, NotificationProperties.Template template, Map<String, String> values) {
    String key = key(line, event, channel);
    String body = render(template.text(), values);
    String subject = template.subject() == null ? null : render(template.subject(), values);
    String templateId = channel == NotificationChannel.ZALO ? template.znsTemplateId() : null;
    String templateData = channel == NotificationChannel.ZALO ? toJson(values) : null;
    long id = messages.insert(new NotificationMessages.Message(0, key, line.code(), recipient.username(), event,
        channel, recipient.language(), address, subject, body, templateId, templateData,
        LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)));
    outbox.write(channel.topic(), key, line.code(), toJson(Map.of("messageId", id, "event", event.name())));
  }

  /** Deterministic: the same history line, event and channel always give the same key. */
  static String key(DossierRecorded line, NotificationEvent event, NotificationChannel channel) {
    String name = line.code() + "|" + line.action() + "|" + line.at() + "|" + event + "|" + channel;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Replaces each {@code {placeholder}} by its value; an unknown one stays as written. */
  static String render(String text, Map<String, String> values) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int close = open < 0 ? -1 : text.indexOf('}', open);
      if (open < 0 || close < 0) {
        out.append(text, i, text.length());
        break;
      }
      String value = values.get(text.substring(open + 1, close));
      out.append(text, i, open).append(value != null ? value : text.substring(open, close + 1));
      i = close + 1;
    }
    return out.toString().strip();
  }

  private String toJson(Map<String, ?> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a notification's JSON", e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
