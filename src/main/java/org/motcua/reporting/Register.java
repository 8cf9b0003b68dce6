package org.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The dossier register (sổ theo dõi hồ sơ): the dossiers received in a period, in order of reception, paged. */
public record Register(LocalDate from, LocalDate to, String agency, int page, int size, long total,
    List<Entry> items) {

  /** One line of the register. */
  public record Entry(long number, String code, String procedureCode, String procedureName, String agencyCode,
      int channel, String channelName, int status, String statusName, LocalDateTime receivedAt, LocalDateTime dueAt,
      LocalDateTime endedAt, LocalDateTime returnedAt, String timeliness) {
  }
}
