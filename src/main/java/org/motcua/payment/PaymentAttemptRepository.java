package org.motcua.payment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentAttemptRepository extends JpaRepository<PaymentAttempt, Long> {

  List<PaymentAttempt> findByTxnRefOrderByIdAsc(String txnRef);

  List<PaymentAttempt> findByReceivedAtGreaterThanEqualAndReceivedAtLessThanOrderByIdAsc(java.time.LocalDateTime from,
      java.time.LocalDateTime to);
}
