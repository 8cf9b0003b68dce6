package org.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues dossier codes (mã hồ sơ) {@code <agency>-<yyMMdd>-<sequence>}, e.g. {@code 000.00.12.H13-250123-0007}.
 * The daily sequence is a database row incremented under its row lock in its own transaction, so codes are unique
 * across every node of a cluster and never reused, even when the submission that drew one is rolled back.
 */
@Component
public class DossierCodes {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
  /**
   * What a dossier code looks like: the agency's identifier (QCVN 102:2016, dot-separated letters and digits such as
   * {@code 000.00.12.H13}), the day {@code yyMMdd} and a sequence of at least four digits. Nothing else: no spaces,
   * quotes or formula characters, so a code is safe in every export.
   */
  private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{1,10}(\\.[0-9A-Z]{1,10}){1,5}-[0-9]{6}-[0-9]{4,9}");

  /** True for a code of the form this class issues, e.g. {@code 000.00.12.H13-250123-0007}. */
  public static boolean isWellFormed(String code) {
    return code != null && code.length() <= 60 && FORMAT.matcher(code).matches();
  }

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
