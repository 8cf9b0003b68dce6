package org.motcua.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channels and language an account chose for its messages ({@code notification_preference}); an account that
 * never chose gets {@code motcua.notifications.default-channels} in Vietnamese.
 */
@Service
public class NotificationPreferences implements UseCase {

  /** The languages messages are written in. */
  public static final List<String> LANGUAGES = List.of("vi", "en");

  private final JdbcTemplate jdbc;
  private final NotificationProperties properties;
  private final Clock clock;

  NotificationPreferences(JdbcTemplate jdbc, NotificationProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(NotificationRefusal.UNKNOWN_CHANNEL, NotificationRefusal.UNKNOWN_LANGUAGE);
  }

  /**
   * An account's choice.
   *
   * @param chosen false: the account never chose, these are the defaults
   */
  public record Preference(Set<NotificationChannel> channels, String language, boolean chosen) {
  }

  @Transactional(readOnly = true)
  public Preference of(String username) {
    List<Preference> found = jdbc.query("select email, sms, zalo, language from notification_preference"
        + " where username = ?", (rs, i) -> {
          Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
          if (rs.getBoolean("email")) {
            channels.add(NotificationChannel.EMAIL);
          }
          if (rs.getBoolean("sms")) {
            channels.add(NotificationChannel.SMS);
          }
          if (rs.getBoolean("zalo")) {
            channels.add(NotificationChannel.ZALO);
          }
          String language = rs.getString("language");
          return new Preference(channels, language == null ? NotificationProperties.DEFAULT_LANGUAGE : language,
              true);
        }, username);
    if (!found.isEmpty()) {
      return found.get(0);
    }
    Set<NotificationChannel> defaults = EnumSet.noneOf(NotificationChannel.class);
    defaults.addAll(properties.defaultChannels());
    return new Preference(defaults, NotificationProperties.DEFAULT_LANGUAGE, false);
  }

  /**
   * Stores the account's choice: the channels by name ({@code EMAIL}, {@code SMS}, {@code ZALO}; none = no
   * messages) and the language ({@code vi}, {@code en}; empty = Vietnamese).
   */
  @Transactional
  public Preference choose(String username, List<String> channelNames, String language) {
    Set<NotificationChannel> channels = new LinkedHashSet<>();
    for (String name : channelNames == null ? List.<String>of() : channelNames) {
      try {
        channels.add(NotificationChannel.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw NotificationRefusal.UNKNOWN_CHANNEL.exception(name);
      }
    }
    String lang = language == null || language.isBlank() ? NotificationProperties.DEFAULT_LANGUAGE
        : language.trim().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(lang)) {
      throw NotificationRefusal.UNKNOWN_LANGUAGE.exception(language);
    }
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
    boolean email = channels.contains(NotificationChannel.EMAIL);
    boolean sms = channels.contains(NotificationChannel.SMS);
    boolean zalo = channels.contains(NotificationChannel.ZALO);
    int updated = jdbc.update("update notification_preference set email = ?, sms = ?, zalo = ?, language = ?,"
        + " updated_at = ? where username = ?", email, sms, zalo, lang, now, username);
    if (updated == 0) {
      jdbc.update("insert into notification_preference (username, email, sms, zalo, language, updated_at)"
          + " values (?, ?, ?, ?, ?, ?)", username, email, sms, zalo, lang, now);
    }
    return of(username);
  }
}
