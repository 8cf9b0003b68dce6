package org.motcua.reporting;

import java.time.LocalDate;

/**
 * The indicator summary for a period [from 00:00, to 24:00) and an agency subtree, field by field as DOMAIN.md
 * ("The summary's exact fields") defines it. Rates are fractions 0–1, null when their denominator is empty.
 * For the provincial table: {@code carriedOver} = dossiers in scope received before the period (finished +
 * inProgress − received); {@code withdrawn} and {@code refused} = finished dossiers whose handling ended by a
 * confirmed withdrawal or a refusal after reception (both included in {@code finished}).
 *
 * <p>{@code lateCausedBy} (trễ hạn do cơ quan này): dossiers that finished late in the period (as {@code finishedLate}
 * counts them) with a step that overran in an agency of the scope's subtree, whichever agency received them: in an
 * inter-agency dossier the lateness counts for the agency whose step overran. Not a part of {@code finished}'s
 * split, and not summable over a breakdown's rows (a dossier late in two agencies' steps counts for both).
 *
 * <p>{@code vneidVerifiedRate}: of the dossiers received online in the period ({@code receivedOnline}), the share
 * submitted by an account signed in through the national e-identity (VNeID) — the national portal's
 * {@code TaiKhoanDuocXacThucVoiVNeID}.
 *
 * <p>{@code dissatisfied}: dossiers in the timeliness scope ({@code finished} + {@code inProgress}) rated with a
 * dislike or with feedback written about them ({@link SatisfactionRule}); {@code satisfactionRate} = max(0, 1 −
 * ({@code finishedLate} + {@code inProgressOverdue} + {@code dissatisfied}) ÷ ({@code finished} + {@code inProgress})),
 * null when the scope is empty (Decision 766 group 5).
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
    long refused,
    Long lateCausedBy,
    Double vneidVerifiedRate,
    long dissatisfied,
    Double satisfactionRate) {

  /** The same summary with the share of fee-bearing procedures that had an online payment (not summable by row). */
  public Summary withProceduresWithOnlinePaymentRate(Double rate) {
    return new Summary(from, to, agency, received, receivedOnline, onlineRate, fullOnlineRate, finished,
        finishedEarly, finishedOnTime, finishedLate, inProgress, inProgressOverdue, onTimeRate,
        componentsDigitizedRate, resultDigitizedRate, reuseRate, feeDossiers, paidOnline, onlinePaymentRate, rate,
        carriedOver, withdrawn, refused, lateCausedBy, vneidVerifiedRate, dissatisfied, satisfactionRate);
  }

  /** The same summary with its {@code lateCausedBy}, which the step records give (not the counters). */
  public Summary withLateCausedBy(Long count) {
    return new Summary(from, to, agency, received, receivedOnline, onlineRate, fullOnlineRate, finished,
        finishedEarly, finishedOnTime, finishedLate, inProgress, inProgressOverdue, onTimeRate,
        componentsDigitizedRate, resultDigitizedRate, reuseRate, feeDossiers, paidOnline, onlinePaymentRate,
        proceduresWithOnlinePaymentRate, carriedOver, withdrawn, refused, count, vneidVerifiedRate, dissatisfied,
        satisfactionRate);
  }
}
