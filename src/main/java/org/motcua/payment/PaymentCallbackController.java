package org.motcua.payment;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's server-to-server notification (IPN). Open to anyone: it is authenticated by its signature, which is
 * checked before anything in it is read.
 */
@RestController
class PaymentCallbackController {

  private final Payments payments;

  PaymentCallbackController(Payments payments) {
    this.payments = payments;
  }

  @GetMapping("/api/payments/vnpay/ipn")
  Payments.IpnAnswer ipn(@RequestParam Map<String, String> params) {
    return payments.handleVnpayIpn(params);
  }

  /**
   * Where the citizen's browser comes back. It only informs: the IPN, not this page, settles the charge, because a
   * browser can be stopped or replayed.
   */
  @GetMapping(path = "/payments/vnpay/return", produces = MediaType.TEXT_HTML_VALUE)
  String back(@RequestParam Map<String, String> params) {
    boolean genuine = payments.isGenuineVnpay(params);
    boolean paid = genuine && "00".equals(params.get("vnp_ResponseCode"));
    String title = !genuine ? "Kết quả không hợp lệ" : paid ? "Thanh toán thành công" : "Thanh toán không thành công";
    String detail = paid ? "Hồ sơ của bạn sẽ được chuyển sang bước trả kết quả. Biên lai điện tử có trong trang hồ sơ."
        : "Bạn có thể thanh toán lại hoặc nộp trực tiếp tại Bộ phận Một cửa.";
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
        + "<body><main><h1>" + title + "</h1><p>" + detail + "</p><p><a href=\"/\">Về trang chủ</a></p></main>"
        + "</body></html>";
  }
}
