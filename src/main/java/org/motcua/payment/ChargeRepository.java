package org.motcua.payment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChargeRepository extends JpaRepository<Charge, Long> {

  Optional<Charge> findByTxnRef(String txnRef);

  /** Locks the charge: concurrent callbacks for the same transaction are handled one after the other. */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from Charge c where c.txnRef = :txnRef")
  Optional<Charge> lockByTxnRef(String txnRef);

  List<Charge> findByDossierCodeOrderByIdAsc(String dossierCode);

  Optional<Charge> findFirstByDossierCodeAndStatus(String dossierCode, Charge.Status status);

  /**
   * Settles an open charge. The condition on the status makes it happen once: of two concurrent confirmations of the
   * same charge, one updates a row and the other none.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Charge c set c.status = :status, c.method = :method, c.settledAt = :at, c.settledBy = :by,"
      + " c.gatewayTxnNo = :gatewayTxnNo, c.receiptNumber = :receipt, c.exemptionCode = :exemption, c.note = :note"
      + " where c.id = :id and c.status = org.motcua.payment.Charge.Status.OPEN")
  int settle(long id, Charge.Status status, Charge.Method method, LocalDateTime at, String by, String gatewayTxnNo,
      String receipt, String exemption, String note);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Charge c set c.status = org.motcua.payment.Charge.Status.CANCELLED, c.settledAt = :at"
      + " where c.dossierCode = :dossierCode and c.status = org.motcua.payment.Charge.Status.OPEN")
  int cancelOpen(String dossierCode, LocalDateTime at);
}
