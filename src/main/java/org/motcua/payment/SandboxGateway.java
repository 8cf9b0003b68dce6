package org.motcua.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;

/**
 * A stand-in for VNPAY's payment page, built into the service so a citizen can pay end to end with no internet:
 * it checks the merchant's signed URL as VNPAY would, and on "pay" sends the same signed IPN to the IPN URL and
 * redirects the browser to the return URL. Never enabled in production (motcua.payment.sandbox.enabled).
 */
@Tag(name = "Sandbox gateway",
    description = "A stand-in for VNPAY's payment page, for demonstrations without internet; never enabled in "
        + "production (`motcua.payment.sandbox.enabled`).")
@RestController
@ConditionalOnProperty(name = "motcua.payment.sandbox.enabled", havingValue = "true")
class SandboxGateway {

  private final VnpayProperties terminal;
  private final Clock clock;
  private final RestClient http = RestClient.create();

  SandboxGateway(VnpayProperties terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Operation(operationId = "sandboxPaymentPage", summary = "The sandbox payment page",
      description = "Shows the amount of a signed payment request as VNPAY's page would, with the buttons to pay or "
          + "cancel; a request with a wrong signature gets `400` and an HTML page saying so.")
  @ApiResponse(responseCode = "200", description = "The payment page.",
      content = @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "The request's signature is wrong: a page saying so.",
      content = @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")))
  @GetMapping(path = "/sandbox/vnpay/pay", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@RequestParam Map<String, String> params) {
    if (!VnpaySignature.verify(params, terminal.hashSecret())) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML)
          .body(html("Chữ ký không hợp lệ", "<p>Yêu cầu thanh toán không hợp lệ (sai chữ ký).</p>"));
    }
    long amount = Long.parseLong(params.get("vnp_Amount")) / 100;
    StringBuilder hidden = new StringBuilder();
    params.forEach((k, v) -> hidden.append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(k))
        .append("\" value=\"").append(HtmlUtils.htmlEscape(v)).append("\">"));
    String body = "<p>Đơn vị thụ hưởng: " + HtmlUtils.htmlEscape(params.get("vnp_TmnCode")) + "</p>"
        + "<p>Nội dung: " + HtmlUtils.htmlEscape(params.get("vnp_OrderInfo")) + "</p>"
        + "<p>Số tiền: <strong>" + String.format("%,d", amount).replace(',', '.') + " đồng</strong></p>"
        + "<form method=\"post\">" + hidden + "<button name=\"outcome\" value=\"pay\">Thanh toán</button> "
        + "<button name=\"outcome\" value=\"cancel\">Hủy giao dịch</button></form>";
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html("Cổng thanh toán thử nghiệm", body));
  }

  /** Pays or cancels: signs the IPN, sends it server to server, then sends the browser back to the merchant. */
  @Operation(operationId = "sandboxPay", summary = "Pay or cancel on the sandbox page",
      description = "Signs the gateway's notification, sends it to the IPN address server to server, then redirects "
          + "the browser to the merchant's return address (`302`); a form with a wrong signature gets `400`.")
  @ApiResponse(responseCode = "302", description = "Back to the merchant's return address, with the signed result.",
      headers = @Header(name = "Location", description = "The return address.", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "The form's signature is wrong: nothing sent.")
  @PostMapping("/sandbox/vnpay/pay")
  ResponseEntity<Void> pay(@RequestParam Map<String, String> form) {
    Map<String, String> request = new LinkedHashMap<>(form);
    String outcome = request.remove("outcome");
    if (!VnpaySignature.verify(request, terminal.hashSecret())) {
      return ResponseEntity.badRequest().build();
    }
    boolean paid = "pay".equals(outcome);
    Map<String, String> result = new LinkedHashMap<>();
    result.put("vnp_TmnCode", request.get("vnp_TmnCode"));
    result.put("vnp_Amount", request.get("vnp_Amount"));
    result.put("vnp_CurrCode", request.get("vnp_CurrCode"));
    result.put("vnp_BankCode", "NCB");
    result.put("vnp_TxnRef", request.get("vnp_TxnRef"));
    result.put("vnp_OrderInfo", request.get("vnp_OrderInfo"));
    result.put("vnp_TransactionNo", String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000, 99_999_999)));
    result.put("vnp_ResponseCode", paid ? VnpayGateway.SUCCESS : "24");
    result.put("vnp_TransactionStatus", paid ? VnpayGateway.SUCCESS : "02");
    result.put("vnp_PayDate", LocalDateTime.now(clock).format(VnpayGateway.TIME));
    String query = VnpaySignature.signedQuery(result, terminal.hashSecret());
    http.get().uri(URI.create(VnpayGateway.absolute(terminal.ipnUrl()) + "?" + query)).retrieve()
        .toBodilessEntity();
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.get("vnp_ReturnUrl") + "?" + query))
        .build();
  }

  private static String html(String title, String body) {
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        + "content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head><body>"
        + "<main><h1>" + title + "</h1>" + body + "</main></body></html>";
  }
}
