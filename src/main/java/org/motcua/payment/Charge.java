package org.motcua.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** What a dossier owes (phí, lệ phí) and how it was settled: online, at the counter, or exempted. */
@Entity
@Table(name = "charge")
public class Charge {

  public enum Status { OPEN, PAID, EXEMPT, CANCELLED }

  public enum Method { ONLINE, CASH, POS, EXEMPTION }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charge_seq")
  @SequenceGenerator(name = "charge_seq", sequenceName = "charge_seq", allocationSize = 50)
  private Long id;

  @Column(name = "dossier_code", nullable = false)
  private String dossierCode;

  @Column(name = "amount_vnd", nullable = false)
  private long amountVnd;

  /** The merchant reference sent to the gateway (vnp_TxnRef): unique, never reused. */
  @Column(name = "txn_ref", nullable = false, unique = true)
  private String txnRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Enumerated(EnumType.STRING)
  private Method method;

  @Column(name = "opened_at", nullable = false)
  private LocalDateTime openedAt;

  @Column(name = "settled_at")
  private LocalDateTime settledAt;

  @Column(name = "settled_by")
  private String settledBy;

  @Column(name = "gateway_txn_no")
  private String gatewayTxnNo;

  /** Số biên lai: the counter receipt, or the e-receipt number issued for an online payment. */
  @Column(name = "receipt_number")
  private String receiptNumber;

  @Column(name = "exemption_code")
  private String exemptionCode;

  @Column(length = 1000)
  private String note;

  protected Charge() {
  }

  Charge(String dossierCode, long amountVnd, String txnRef, LocalDateTime openedAt) {
    this.dossierCode = dossierCode;
    this.amountVnd = amountVnd;
    this.txnRef = txnRef;
    this.status = Status.OPEN;
    this.openedAt = openedAt;
  }

  public Long getId() {
    return id;
  }

  public String getDossierCode() {
    return dossierCode;
  }

  public long getAmountVnd() {
    return amountVnd;
  }

  public String getTxnRef() {
    return txnRef;
  }

  public Status getStatus() {
    return status;
  }

  public Method getMethod() {
    return method;
  }

  public LocalDateTime getOpenedAt() {
    return openedAt;
  }

  public LocalDateTime getSettledAt() {
    return settledAt;
  }

  public String getSettledBy() {
    return settledBy;
  }

  public String getGatewayTxnNo() {
    return gatewayTxnNo;
  }

  public String getReceiptNumber() {
    return receiptNumber;
  }

  public String getExemptionCode() {
    return exemptionCode;
  }

  public String getNote() {
    return note;
  }
}
