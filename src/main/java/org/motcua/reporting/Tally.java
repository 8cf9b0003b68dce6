package org.motcua.reporting;

import java.time.LocalDate;

/**
 * The raw counts behind one summary (or one breakdown row). Both computing paths — the raw scan and the daily
 * aggregates — produce tallies, so they can be compared count by count; rates are derived from them only once.
 *
 * @param offered dossiers received in the period for procedures offered online (FULL or PARTIAL)
 * @param fullOffered dossiers received in the period for FULL online procedures
 * @param withdrawn finished by a confirmed withdrawal (status 8, stop reason WITHDRAWN)
 * @param refused finished by a refusal after reception (status 8, stop reason REFUSED)
 * @param receivedOnlineVneid received online in the period from an account signed in through VNeID
 * @param dissatisfied in the timeliness scope (finished + inProgress) and dissatisfied by {@link SatisfactionRule}
 */
record Tally(long received, long receivedOnline, long offered, long offeredOnline, long fullOffered, long fullOnline,
    long finished, long finishedEarly, long finishedOnTime, long finishedLate, long inProgress,
    long inProgressOverdue, long componentsDigitized, long componentsSupplied, long componentsReused,
    long resultDigitized, long feeDossiers, long paidOnline, long withdrawn, long refused,
    long receivedOnlineVneid, long dissatisfied) {

  static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  Tally plus(Tally o) {
    return new Tally(received + o.received, receivedOnline + o.receivedOnline, offered + o.offered,
        offeredOnline + o.offeredOnline, fullOffered + o.fullOffered, fullOnline + o.fullOnline,
        finished + o.finished, finishedEarly + o.finishedEarly, finishedOnTime + o.finishedOnTime,
        finishedLate + o.finishedLate, inProgress + o.inProgress, inProgressOverdue + o.inProgressOverdue,
        componentsDigitized + o.componentsDigitized, componentsSupplied + o.componentsSupplied,
        componentsReused + o.componentsReused, resultDigitized + o.resultDigitized, feeDossiers + o.feeDossiers,
        paidOnline + o.paidOnline, withdrawn + o.withdrawn, refused + o.refused,
        receivedOnlineVneid + o.receivedOnlineVneid, dissatisfied + o.dissatisfied);
  }

  boolean isEmpty() {
    return equals(ZERO);
  }

  /** The summary fields exactly as DOMAIN.md defines them ("The summary's exact fields"). */
  Summary toSummary(LocalDate from, LocalDate to, String agency) {
    return new Summary(from, to, agency, received, receivedOnline,
        rate(offeredOnline, offered), rate(fullOnline, fullOffered),
        finished, finishedEarly, finishedOnTime, finishedLate, inProgress, inProgressOverdue,
        rate(finishedEarly + finishedOnTime + inProgress - inProgressOverdue, finished + inProgress),
        rate(componentsDigitized, received), rate(resultDigitized, finished), rate(componentsReused, componentsSupplied),
        feeDossiers, paidOnline, rate(paidOnline, feeDossiers), null, finished + inProgress - received, withdrawn,
        refused, null, rate(receivedOnlineVneid, receivedOnline), dissatisfied,
        SatisfactionRule.rate(finishedLate + inProgressOverdue, dissatisfied, finished + inProgress));
  }

  /** A rate whose denominator is empty is null, not 0. */
  static Double rate(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
