package org.motcua.forms;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The e-receipt (biên lai điện tử) of a fee or charge paid for a dossier: online through the gateway or at the
 * counter, with the receipt number.
 */
public record PaymentReceipt(
    FormHeader header,
    String receiptNumber,
    String dossierCode,
    String procedureName,
    ApplicantInfo payer,
    long amountVnd,
    String method,
    LocalDateTime paidAt,
    String collector) {

  public PaymentReceipt {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(dossierCode, "dossierCode");
  }
}
