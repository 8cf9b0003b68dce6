package org.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.motcua.common.RunsUseCase;
import org.motcua.payment.Charge;
import org.motcua.payment.Payments;
import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Paying a dossier's fee: online through the gateway, at the counter, or by exemption. */
@Tag(name = "Fees",
    description = "Phí, lệ phí: a dossier's fees, paid online through the gateway, at the counter, or exempted.")
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

  @Operation(operationId = "listCharges", summary = "A dossier's fees",
      description = "Every charge of the dossier: amount in đồng, status, and how and when it was settled.")
  @GetMapping("/api/dossiers/{code}/payments")
  @RunsUseCase({DossierPayments.class, Payments.class})
  List<ChargeView> charges(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code) {
    return payments.charges(user, code).stream().map(ChargeView::of).toList();
  }

  /** Returns the gateway page the citizen's browser should open. */
  @Operation(operationId = "payOnline", summary = "Pay a fee online (thanh toán trực tuyến)",
      description = "For the applicant while a fee is due (status 6): opens a transaction with the payment gateway "
          + "and answers with the address of its payment page (`redirectUrl`), which the citizen's browser "
          + "opens. The gateway's signed notification then settles the charge.")
  @PostMapping("/api/dossiers/{code}/payments/online")
  @RunsUseCase({DossierPayments.class, Payments.class})
  Map<String, String> online(@AuthenticationPrincipal MotcuaUser citizen, @PathVariable String code,
      HttpServletRequest request) {
    return Map.of("redirectUrl", payments.payOnline(citizen, code, request.getRemoteAddr()));
  }

  @Operation(operationId = "payAtCounter", summary = "Record a fee paid at the counter",
      description = "A clerk of the dossier's agency records the fee paid in cash (`CASH`) or by card (`POS`), with "
          + "the receipt number; the dossier then goes on (to reception, or to the returning of its result).")
  @PostMapping("/api/dossiers/{code}/payments/counter")
  @RunsUseCase({DossierPayments.class, Payments.class})
  ChargeView counter(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @Valid @RequestBody CounterPayment payment) {
    return ChargeView.of(payments.payAtCounter(clerk, code, payment.method(), payment.receiptNumber().trim()));
  }

  @Operation(operationId = "exemptFee", summary = "Exempt a dossier from its fee (miễn, giảm phí)",
      description = "A clerk of the dossier's agency records an exemption with its reason code and an optional note; "
          + "the dossier then goes on as if the fee were paid.")
  @PostMapping("/api/dossiers/{code}/payments/exemption")
  @RunsUseCase({DossierPayments.class, Payments.class})
  ChargeView exempt(@AuthenticationPrincipal MotcuaUser clerk, @PathVariable String code,
      @Valid @RequestBody Exemption exemption) {
    return ChargeView.of(payments.exempt(clerk, code, exemption.reasonCode().trim(), exemption.note()));
  }
}
