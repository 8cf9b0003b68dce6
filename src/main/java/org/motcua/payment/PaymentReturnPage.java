package org.motcua.payment;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the citizen's browser comes back from the gateway. It only informs, with a link to the dossier: the IPN, not
 * this page, settles the charge, because a browser can be stopped or replayed.
 */
@Controller
class PaymentReturnPage {

  private final Payments payments;

  PaymentReturnPage(Payments payments) {
    this.payments = payments;
  }

  @GetMapping("/payments/{gateway}/return")
  String back(@PathVariable String gateway, @RequestParam Map<String, String> params, Model model) {
    PaymentGateway provider = ReceivePaymentNotification.gateway(payments, gateway);
    boolean genuine = provider.verify(params);
    PaymentGateway.Notice notice = genuine ? provider.read(params) : null;
    String outcome = !genuine ? "invalid" : notice.success() ? "paid" : "failed";
    model.addAttribute("outcome", outcome);
    model.addAttribute("dossierCode", genuine ? payments.dossierOf(notice.txnRef()).orElse(null) : null);
    return "payment/return";
  }
}
