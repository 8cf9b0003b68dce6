package org.motcua.dossier;

import java.time.LocalDateTime;
import org.motcua.calendar.DurationUnit;
import org.motcua.catalog.OnlineLevel;

/**
 * What the reports need to know about a dossier at one moment. A {@link DossierChanged} event carries the facts
 * before and after a change, so an aggregate can subtract the old contribution and add the new one.
 *
 * @param stopReason for status 8, the action that stopped handling ({@code WITHDRAWN}, {@code REFUSED},
 *     {@code UNPAID_STOPPED}); null otherwise or when unknown (imported history)
 * @param vneidVerified submitted online by an account signed in through the national e-identity (VNeID)
 * @param satisfactionRating the applicant's rating 1–5, null until given
 * @param feedbackCount feedbacks (phản ánh, kiến nghị) written about the dossier
 * @param feedbackRejected of them, those the agency rejected
 */
public record DossierFacts(
    String code,
    String procedureCode,
    String field,
    OnlineLevel onlineLevel,
    long feeVnd,
    String agencyCode,
    String agencyPath,
    int channel,
    int status,
    LocalDateTime submittedAt,
    LocalDateTime receivedAt,
    LocalDateTime dueAt,
    LocalDateTime finishedAt,
    LocalDateTime returnedAt,
    LocalDateTime endedAt,
    Timeliness timeliness,
    int supplementCount,
    DurationUnit durationUnit,
    boolean componentsDigitized,
    int componentsSupplied,
    int componentsReused,
    boolean resultDigitized,
    boolean paidOnline,
    String stopReason,
    boolean vneidVerified,
    Integer satisfactionRating,
    int feedbackCount,
    int feedbackRejected) {

  /** Facts of a dossier neither rated nor written about (imported history, the generator). */
  public DossierFacts(String code, String procedureCode, String field, OnlineLevel onlineLevel, long feeVnd,
      String agencyCode, String agencyPath, int channel, int status, LocalDateTime submittedAt,
      LocalDateTime receivedAt, LocalDateTime dueAt, LocalDateTime finishedAt, LocalDateTime returnedAt,
      LocalDateTime endedAt, Timeliness timeliness, int supplementCount, DurationUnit durationUnit,
      boolean componentsDigitized, int componentsSupplied, int componentsReused, boolean resultDigitized,
      boolean paidOnline, String stopReason, boolean vneidVerified) {
    this(code, procedureCode, field, onlineLevel, feeVnd, agencyCode, agencyPath, channel, status, submittedAt,
        receivedAt, dueAt, finishedAt, returnedAt, endedAt, timeliness, supplementCount, durationUnit,
        componentsDigitized, componentsSupplied, componentsReused, resultDigitized, paidOnline, stopReason,
        vneidVerified, null, 0, 0);
  }

  /** Facts of a dossier not submitted through the national e-identity (counter, imported, password accounts). */
  public DossierFacts(String code, String procedureCode, String field, OnlineLevel onlineLevel, long feeVnd,
      String agencyCode, String agencyPath, int channel, int status, LocalDateTime submittedAt,
      LocalDateTime receivedAt, LocalDateTime dueAt, LocalDateTime finishedAt, LocalDateTime returnedAt,
      LocalDateTime endedAt, Timeliness timeliness, int supplementCount, DurationUnit durationUnit,
      boolean componentsDigitized, int componentsSupplied, int componentsReused, boolean resultDigitized,
      boolean paidOnline, String stopReason) {
    this(code, procedureCode, field, onlineLevel, feeVnd, agencyCode, agencyPath, channel, status, submittedAt,
        receivedAt, dueAt, finishedAt, returnedAt, endedAt, timeliness, supplementCount, durationUnit,
        componentsDigitized, componentsSupplied, componentsReused, resultDigitized, paidOnline, stopReason, false);
  }

  /** Facts of a dossier that did not stop (or whose stop reason is unknown, as in imported history). */
  public DossierFacts(String code, String procedureCode, String field, OnlineLevel onlineLevel, long feeVnd,
      String agencyCode, String agencyPath, int channel, int status, LocalDateTime submittedAt,
      LocalDateTime receivedAt, LocalDateTime dueAt, LocalDateTime finishedAt, LocalDateTime returnedAt,
      LocalDateTime endedAt, Timeliness timeliness, int supplementCount, DurationUnit durationUnit,
      boolean componentsDigitized, int componentsSupplied, int componentsReused, boolean resultDigitized,
      boolean paidOnline) {
    this(code, procedureCode, field, onlineLevel, feeVnd, agencyCode, agencyPath, channel, status, submittedAt,
        receivedAt, dueAt, finishedAt, returnedAt, endedAt, timeliness, supplementCount, durationUnit,
        componentsDigitized, componentsSupplied, componentsReused, resultDigitized, paidOnline, null);
  }

  static DossierFacts of(Dossier d) {
    return new DossierFacts(d.getCode(), d.getProcedureCode(), d.getField(), d.getOnlineLevel(), d.getFeeVnd(),
        d.getAgencyCode(), d.getAgencyPath(), d.getChannel().code(), d.getStatus().code(), d.getSubmittedAt(),
        d.getReceivedAt(), d.getDueAt(), d.getFinishedAt(), d.getReturnedAt(), d.getEndedAt(), d.getTimeliness(),
        d.getSupplementCount(), d.getDurationUnit(), d.isComponentsDigitized(), d.getComponentsSupplied(),
        d.getComponentsReused(), d.isResultDigitized(), d.isPaidOnline(), d.getStopReason(), d.isVneidVerified(),
        d.getSatisfactionRating(), d.getFeedbackCount(), d.getFeedbackRejected());
  }
}
