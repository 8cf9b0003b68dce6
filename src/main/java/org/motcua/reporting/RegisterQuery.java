package org.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.motcua.common.Problems;
import org.motcua.dossier.ReceivedDossiers;
import org.springframework.stereotype.Component;

/**
 * Reads the register from the dossier side ({@link ReceivedDossiers}: over the reception-time index, in reception
 * order) and words it; the CSV export streams it row by row.
 */
@Component
class RegisterQuery {

  private final ReceivedDossiers dossiers;
  private final Problems problems;

  RegisterQuery(ReceivedDossiers dossiers, Problems problems) {
    this.dossiers = dossiers;
    this.problems = problems;
  }

  Register page(LocalDate from, LocalDate to, ReportScope scope, int page, int size) {
    LocalDateTime start = from.atStartOfDay();
    LocalDateTime end = to.plusDays(1).atStartOfDay();
    List<String> pattern = scope.patterns();
    long total = dossiers.count(start, end, pattern);
    long[] number = {(long) page * size};
    List<Register.Entry> items = dossiers.page(start, end, pattern, size, (long) page * size).stream()
        .map(row -> entry(row, ++number[0])).toList();
    return new Register(from, to, scope.agency(), page, size, total, items);
  }

  /** Every entry, one at a time (nothing accumulates in memory). */
  void each(LocalDate from, LocalDate to, ReportScope scope, Consumer<Register.Entry> consumer) {
    long[] number = {0};
    dossiers.each(from.atStartOfDay(), to.plusDays(1).atStartOfDay(), scope.patterns(),
        row -> consumer.accept(entry(row, ++number[0])));
  }

  private Register.Entry entry(ReceivedDossiers.Row row, long number) {
    return new Register.Entry(number, row.code(), row.procedureCode(), row.procedureName(), row.agencyCode(),
        row.channel(), problems.message("report.channel." + row.channel()), row.status(),
        problems.message("dossier.status." + row.status()), row.receivedAt(), row.dueAt(), row.endedAt(),
        row.returnedAt(), row.timeliness() == null ? null : problems.message("report.timeliness." + row.timeliness().name()));
  }
}
