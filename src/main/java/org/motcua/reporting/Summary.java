package org.motcua.reporting;

import java.time.LocalDate;

/**
 * The indicator summary for a period [from 00:00, to 24:00) and an agency subtree, field by field as DOMAIN.md
 * ("The summary's exact fields") defines it. Rates are fractions 0–1, null when their denominator is empty.
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
    Double onTimeRate) {
}
