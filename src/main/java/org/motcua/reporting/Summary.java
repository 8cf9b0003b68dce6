package org.motcua.reporting;

import java.time.LocalDate;

/**
 * The indicator summary for a period [from 00:00, to 24:00) and an agency subtree, field by field as DOMAIN.md
 * ("The summary's exact fields") defines it. Rates are fractions 0–1, null when their denominator is empty.
 * For the provincial table: {@code carriedOver} = dossiers in scope received before the period (finished +
 * inProgress − received); {@code withdrawn} and {@code refused} = finished dossiers whose handling ended by a
 * confirmed withdrawal or a refusal after reception (both included in {@code finished}).
 */
public record Summary(
    LocalDate from,
    LocalDate to,
    String agency,
    long received,
    long receivedOnline,
    Double onlineRate,
    Double fullOnlineRate,
    long finished,
    long finishedEarly,
    long finishedOnTime,
    long finishedLate,
    long inProgress,
    long inProgressOverdue,
    Double onTimeRate,
    Double componentsDigitizedRate,
    Double resultDigitizedRate,
    Double reuseRate,
    long feeDossiers,
    long paidOnline,
    Double onlinePaymentRate,
    Double proceduresWithOnlinePaymentRate,
    long carriedOver,
    long withdrawn,
    long refused) {

  /** The same summary with the share of fee-bearing procedures that had an online payment (not summable by row). */
  public Summary withProceduresWithOnlinePaymentRate(Double rate) {
    return new Summary(from, to, agency, received, receivedOnline, onlineRate, fullOnlineRate, finished,
        finishedEarly, finishedOnTime, finishedLate, inProgress, inProgressOverdue, onTimeRate,
        componentsDigitizedRate, resultDigitizedRate, reuseRate, feeDossiers, paidOnline, onlinePaymentRate, rate,
        carriedOver, withdrawn, refused);
  }
}
