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

/** Every callback from a gateway, good or bad, with its raw parameters: the reconciliation's evidence. */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt {

  /** What motcua made of a callback. Only CONFIRMED changed anything. */
  public enum Verdict {
    CONFIRMED, DUPLICATE, INVALID_SIGNATURE, UNKNOWN_TRANSACTION, AMOUNT_MISMATCH, NOT_OPEN, FAILED_AT_GATEWAY
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_attempt_seq")
  @SequenceGenerator(name = "payment_attempt_seq", sequenceName = "payment_attempt_seq", allocationSize = 50)
  private Long id;

  @Column(name = "received_at", nullable = false)
  private LocalDateTime receivedAt;

  @Column(nullable = false)
  private String gateway;

  @Column(name = "txn_ref")
  private String txnRef;

  @Column(name = "amount_vnd")
  private Long amountVnd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Verdict verdict;

  /** Flagged attempts need a person: an unknown transaction, a wrong amount, money for a stopped dossier. */
  @Column(nullable = false)
  private boolean flagged;

  @Column(name = "raw_params", nullable = false, length = 4000)
  private String rawParams;

  protected PaymentAttempt() {
  }

  PaymentAttempt(LocalDateTime receivedAt, String gateway, String txnRef, Long amountVnd, Verdict verdict,
      boolean flagged, String rawParams) {
    this.receivedAt = receivedAt;
    this.gateway = gateway;
    this.txnRef = txnRef;
    this.amountVnd = amountVnd;
    this.verdict = verdict;
    this.flagged = flagged;
    this.rawParams = rawParams.length() > 4000 ? rawParams.substring(0, 4000) : rawParams;
  }

  public Long getId() {
    return id;
  }

  public LocalDateTime getReceivedAt() {
    return receivedAt;
  }

  public String getGateway() {
    return gateway;
  }

  public String getTxnRef() {
    return txnRef;
  }

  public Long getAmountVnd() {
    return amountVnd;
  }

  public Verdict getVerdict() {
    return verdict;
  }

  public boolean isFlagged() {
    return flagged;
  }

  public String getRawParams() {
    return rawParams;
  }
}
