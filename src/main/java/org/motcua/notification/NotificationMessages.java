package org.motcua.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The messages written for applicants ({@code notification_message}): one per event and channel. */
@Component
class NotificationMessages {

  private static final String SELECT = "select id, event_key, dossier_code, username, event, channel, language,"
      + " recipient, subject, body, template_id, template_data, created_at from notification_message";

  private final JdbcTemplate jdbc;

  NotificationMessages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A message as written. {@code templateData}: the ZNS template's parameters as JSON (Zalo only). */
  record Message(long id, String key, String dossierCode, String username, NotificationEvent event,
      NotificationChannel channel, String language, String recipient, String subject, String body,
      String templateId, String templateData, LocalDateTime createdAt) {
  }

  /** Inserts the message in the caller's transaction; returns its id. */
  long insert(Message m) {
    GeneratedKeyHolder id = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into notification_message (event_key, dossier_code, username,"
          + " event, channel, language, recipient, subject, body, template_id, template_data, created_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, m.key());
      insert.setString(2, m.dossierCode());
      insert.setString(3, m.username());
      insert.setString(4, m.event().name());
      insert.setString(5, m.channel().name());
      insert.setString(6, m.language());
      insert.setString(7, m.recipient());
      insert.setString(8, m.subject());
      insert.setString(9, m.body());
      insert.setString(10, m.templateId());
      insert.setString(11, m.templateData());
      insert.setTimestamp(12, Timestamp.valueOf(m.createdAt()));
      return insert;
    }, id);
    return id.getKey().longValue();
  }

  Optional<Message> find(long id) {
    return jdbc.query(SELECT + " where id = ?", NotificationMessages::message, id).stream().findFirst();
  }

  /** The dossier's messages, in the order they were written. */
  List<Message> ofDossier(String dossierCode) {
    return jdbc.query(SELECT + " where dossier_code = ? order by id", NotificationMessages::message, dossierCode);
  }

  private static Message message(ResultSet rs, int row) throws SQLException {
    return new Message(rs.getLong("id"), rs.getString("event_key"), rs.getString("dossier_code"),
        rs.getString("username"), NotificationEvent.valueOf(rs.getString("event")),
        NotificationChannel.valueOf(rs.getString("channel")), rs.getString("language"), rs.getString("recipient"),
        rs.getString("subject"), rs.getString("body"), rs.getString("template_id"), rs.getString("template_data"),
        rs.getTimestamp("created_at").toLocalDateTime());
  }
}
