package org.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues dossier codes (mã hồ sơ) {@code <agency>-<yyMMdd>-<sequence>}, e.g. {@code 000.00.12.H30-250123-0007}.
 * The daily sequence is a database row incremented under its row lock in its own transaction, so codes are unique
 * across every node of a cluster and never reused, even when the submission that drew one is rolled back.
 */
@Component
class DossierCodes {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  DossierCodes(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  String next(String agencyCode, LocalDate day) {
    int sequence = nextSequence(agencyCode, day);
    return "%s-%s-%04d".formatted(agencyCode, day.format(DAY), sequence);
  }

  private int nextSequence(String agencyCode, LocalDate day) {
    for (int attempt = 0; ; attempt++) {
      try {
        Integer value = ownTransaction.execute(status -> increment(agencyCode, day));
        return value;
      } catch (DataIntegrityViolationException raceOnFirstCodeOfTheDay) {
        if (attempt >= 3) {
          throw raceOnFirstCodeOfTheDay;
        }
      }
    }
  }

  private Integer increment(String agencyCode, LocalDate day) {
    int updated = jdbc.update(
        "update dossier_code_counter set last_value = last_value + 1 where agency_code = ? and issue_day = ?",
        agencyCode, day);
    if (updated == 0) {
      // First code of the day: another node may insert the same row at once; the primary key makes one of us retry.
      jdbc.update("insert into dossier_code_counter (agency_code, issue_day, last_value) values (?, ?, 1)", agencyCode, day);
      return 1;
    }
    return jdbc.queryForObject(
        "select last_value from dossier_code_counter where agency_code = ? and issue_day = ?", Integer.class, agencyCode, day);
  }
}
