package org.motcua.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.motcua.common.RunsUseCase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateways' server-to-server notifications (IPN), e.g. {@code /api/payments/vnpay/ipn}. Open to anyone: a
 * callback is authenticated by its signature, which is checked before anything in it is read.
 */
@Tag(name = "Payment gateways", description = "The payment gateways' server-to-server notifications.")
@RestController
class PaymentCallbackController {

  private final ReceivePaymentNotification notifications;

  PaymentCallbackController(ReceivePaymentNotification notifications) {
    this.notifications = notifications;
  }

  /** The protocol's answer; 429 with {@code Retry-After} once the caller sent too many unsigned callbacks. */
  @Operation(operationId = "receivePaymentNotification", summary = "A payment gateway's notification (IPN)",
      description = "Called by the gateway (e.g. `/api/payments/vnpay/ipn`), not by people: authenticated by its "
          + "signature, which is checked before anything in it is read. Answers in the gateway's protocol "
          + "(e.g. VNPAY's `RspCode`); a caller that sent too many unsigned notifications gets `429` with "
          + "`Retry-After`.")
  @ApiResponse(responseCode = "200", description = "The answer the gateway's protocol expects (VNPAY: `RspCode` "
      + "and `Message`), also for a notification it must not send again (bad signature, unknown transaction…).",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  @ApiResponse(responseCode = "429", description = "Too many unsigned notifications from this address: answered as "
      + "a bad signature in the gateway's protocol, nothing read or logged, with `Retry-After` (seconds).",
      headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = "integer")),
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  @GetMapping("/api/payments/{gateway}/ipn")
  @RunsUseCase(ReceivePaymentNotification.class)
  ResponseEntity<Object> ipn(@PathVariable String gateway, @RequestParam Map<String, String> params,
      HttpServletRequest request) {
    Payments.IpnReply reply = notifications.receive(gateway, params, request.getRemoteAddr());
    if (reply.refused()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(reply.retryAfterSeconds())).body(reply.body());
    }
    return ResponseEntity.ok(reply.body());
  }
}
