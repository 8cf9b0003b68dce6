package org.motcua.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * The summary's fields per group (agency, procedure, field, channel or month), with the total over the scope, in the
 * agency structure it was read in ({@link Structure}).
 */
public record Breakdown(LocalDate from, LocalDate to, String agency, String by, Structure structure, List<Row> rows,
    Summary total) {

  /**
   * One group: its key (agency identifier, procedure code, field, channel code or month) and the summary fields;
   * {@code lateCausedBy} (see {@link Summary}) by agency and by period, null for the other groupings.
   */
  public record Row(String key, String label, long received, long receivedOnline, Double onlineRate,
      Double fullOnlineRate, long finished, long finishedEarly, long finishedOnTime, long finishedLate,
      long inProgress, long inProgressOverdue, Double onTimeRate, long carriedOver, long withdrawn, long refused,
      Long lateCausedBy, long dissatisfied, Double satisfactionRate) {

    static Row of(String key, String label, Summary s) {
      return new Row(key, label, s.received(), s.receivedOnline(), s.onlineRate(), s.fullOnlineRate(), s.finished(),
          s.finishedEarly(), s.finishedOnTime(), s.finishedLate(), s.inProgress(), s.inProgressOverdue(),
          s.onTimeRate(), s.carriedOver(), s.withdrawn(), s.refused(), s.lateCausedBy(), s.dissatisfied(),
          s.satisfactionRate());
    }
  }
}
