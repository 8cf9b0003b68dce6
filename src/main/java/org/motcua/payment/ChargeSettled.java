package org.motcua.payment;

/** Published inside the transaction that settled a charge: the dossier may move on. */
public record ChargeSettled(String dossierCode, Charge.Method method, long amountVnd, String receiptNumber,
    String settledBy) {
}
