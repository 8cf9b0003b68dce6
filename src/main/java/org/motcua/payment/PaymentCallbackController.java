package org.motcua.payment;

import java.util.Map;
import org.motcua.common.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateways' server-to-server notifications (IPN), e.g. {@code /api/payments/vnpay/ipn}. Open to anyone: a
 * callback is authenticated by its signature, which is checked before anything in it is read.
 */
@RestController
class PaymentCallbackController {

  private final Payments payments;

  PaymentCallbackController(Payments payments) {
    this.payments = payments;
  }

  @GetMapping("/api/payments/{gateway}/ipn")
  Object ipn(@PathVariable String gateway, @RequestParam Map<String, String> params) {
    return payments.handleCallback(gateway(gateway), params);
  }

  /**
   * Where the citizen's browser comes back. It only informs: the IPN, not this page, settles the charge, because a
   * browser can be stopped or replayed.
   */
  @GetMapping(path = "/payments/{gateway}/return", produces = MediaType.TEXT_HTML_VALUE)
  String back(@PathVariable String gateway, @RequestParam Map<String, String> params) {
    PaymentGateway provider = gateway(gateway);
    boolean genuine = provider.verify(params);
    boolean paid = genuine && provider.read(params).success();
    String title = !genuine ? "Kết quả không hợp lệ" : paid ? "Thanh toán thành công" : "Thanh toán không thành công";
    String detail = paid ? "Hồ sơ của bạn được chuyển sang bước tiếp theo. Biên lai điện tử có trong trang hồ sơ."
        : "Bạn có thể thanh toán lại hoặc nộp trực tiếp tại Bộ phận Một cửa.";
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
        + "<body><main><h1>" + title + "</h1><p>" + detail + "</p><p><a href=\"/\">Về trang chủ</a></p></main>"
        + "</body></html>";
  }

  private PaymentGateway gateway(String name) {
    return payments.gateway(name).orElseThrow(() -> ApiException.notFound("UNKNOWN_GATEWAY", name));
  }
}
