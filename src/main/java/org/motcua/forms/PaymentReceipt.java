package org.motcua.forms;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The e-receipt (biên lai điện tử) of a fee or charge paid for a dossier: online through the gateway or at the
 * counter, with the receipt number. {@code feeLines}: how the amount was computed, one fee or charge a line (empty
 * when there is a single flat fee).
 */
public record PaymentReceipt(
    FormHeader header,
    String receiptNumber,
    String dossierCode,
    String procedureName,
    ApplicantInfo payer,
    long amountVnd,
    List<String> feeLines,
    String method,
    LocalDateTime paidAt,
    String collector) {

  public PaymentReceipt {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(dossierCode, "dossierCode");
    feeLines = feeLines == null ? List.of() : List.copyOf(feeLines);
  }
}
