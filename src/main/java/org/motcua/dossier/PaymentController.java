package org.motcua.dossier;

import org.motcua.common.RunsUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.motcua.payment.Charge;
import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Paying a dossier's fee: online through the gateway, at the counter, or by exemption. */
@RestController
class PaymentController {

  private final DossierPayments payments;

  PaymentController(DossierPayments payments) {
    this.payments = payments;
  }

  record ChargeView(String txnRef, long amountVnd, String status, String method, LocalDateTime openedAt,
      LocalDateTime settledAt, String receiptNumber, String exemptionCode) {

    static ChargeView of(Charge c) {
      return new ChargeView(c.getTxnRef(), c.getAmountVnd(), c.getStatus().name(),
          c.getMethod() == null ? null : c.getMethod().name(), c.getOpenedAt(), c.getSettledAt(),
          c.getReceiptNumber(), c.getExemptionCode());
    }
  }

  record CounterPayment(@NotNull(message = "{validation.required}") Charge.Method method,
      @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size}") String receiptNumber) {
  }

  record Exemption(@NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.size}")
      String reasonCode, @Size(max = 1000, message = "{validation.size}") String note) {
  }

  @GetMapping("/api/dossiers/{code}/payments")

  @RunsUseCase(DossierPayments.class)
  List<ChargeView> charges(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code) {
    return payments.charges(user, code).stream().map(ChargeView::of).toList();
  }

  /** Returns the gateway page the citizen's browser should open. */
  @PostMapping("/api/dossiers/{code}/payments/online")
  @RunsUseCase(DossierPayments.class)
  Map<String, String> online(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      HttpServletRequest request) {
    return Map.of("redirectUrl", payments.payOnline(citizen, code, request.getRemoteAddr()));
  }

  @PostMapping("/api/dossiers/{code}/payments/counter")

  @RunsUseCase(DossierPayments.class)
  ChargeView counter(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @Valid @RequestBody CounterPayment payment) {
    return ChargeView.of(payments.payAtCounter(clerk, code, payment.method(), payment.receiptNumber().trim()));
  }

  @PostMapping("/api/dossiers/{code}/payments/exemption")

  @RunsUseCase(DossierPayments.class)
  ChargeView exempt(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @Valid @RequestBody Exemption exemption) {
    return ChargeView.of(payments.exempt(clerk, code, exemption.reasonCode().trim(), exemption.note()));
  }
}
