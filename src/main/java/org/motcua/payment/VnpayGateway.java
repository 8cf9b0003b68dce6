package org.motcua.payment;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** VNPAY's published merchant protocol (version 2.1.0): the signed payment URL and the IPN it sends back. */
@Component
class VnpayGateway implements PaymentGateway {

  static final String NAME = "VNPAY";
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  /** vnp_ResponseCode / vnp_TransactionStatus of a successful payment. */
  static final String SUCCESS = "00";

  private final VnpayProperties terminal;

  VnpayGateway(VnpayProperties terminal) {
    this.terminal = terminal;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Where the citizen's browser goes to pay the charge. Amounts are in VND × 100 as the protocol wants. */
  @Override
  public String paymentUrl(Charge charge, String clientIp, LocalDateTime now) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("vnp_Version", "2.1.0");
    params.put("vnp_Command", "pay");
    params.put("vnp_TmnCode", terminal.tmnCode());
    params.put("vnp_Amount", String.valueOf(charge.getAmountVnd() * 100));
    params.put("vnp_CurrCode", "VND");
    params.put("vnp_TxnRef", charge.getTxnRef());
    // ASCII only: the protocol's encoding drops Vietnamese letters.
    params.put("vnp_OrderInfo", "Thanh toan phi le phi ho so " + charge.getDossierCode());
    params.put("vnp_OrderType", "other");
    params.put("vnp_Locale", "vn");
    params.put("vnp_ReturnUrl", absolute(terminal.returnUrl()));
    params.put("vnp_IpAddr", clientIp == null ? "127.0.0.1" : clientIp);
    params.put("vnp_CreateDate", now.format(TIME));
    params.put("vnp_ExpireDate", now.plusMinutes(15).format(TIME));
    return terminal.payUrl() + "?" + VnpaySignature.signedQuery(params, terminal.hashSecret());
  }

  /** A configured path such as {@code /payments/vnpay/return} is made absolute against the current request. */
  static String absolute(String url) {
    if (url.startsWith("http://") || url.startsWith("https://")) {
      return url;
    }
    return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
        .path(url).toUriString();
  }

  @Override
  public java.util.List<String> evidenceFields() {
    return java.util.List.of("vnp_TxnRef", "vnp_Amount", "vnp_ResponseCode", "vnp_TransactionStatus",
        "vnp_TransactionNo", "vnp_PayDate", "vnp_TmnCode", "vnp_SecureHash");
  }

  @Override
  public boolean verify(Map<String, String> params) {
    return VnpaySignature.verify(params, terminal.hashSecret());
  }

  @Override
  public Notice read(Map<String, String> params) {
    Long amount = null;
    try {
      amount = Long.parseLong(params.getOrDefault("vnp_Amount", "")) / 100;
    } catch (NumberFormatException unreadable) {
      // Left null: reported as an amount mismatch.
    }
    boolean success = SUCCESS.equals(params.get("vnp_ResponseCode"))
        && SUCCESS.equals(params.getOrDefault("vnp_TransactionStatus", SUCCESS));
    return new Notice(params.get("vnp_TxnRef"), amount, params.getOrDefault("vnp_CurrCode", "VND"), success,
        params.get("vnp_TransactionNo"));
  }

  /** VNPAY's IPN answer, e.g. {@code {"RspCode": "00", "Message": "Confirm Success"}}. */
  record IpnAnswer(String RspCode, String Message) {
  }

  @Override
  public IpnAnswer answer(PaymentAttempt.Verdict verdict) {
    return switch (verdict) {
      case INVALID_SIGNATURE -> new IpnAnswer("97", "Invalid Checksum");
      case UNKNOWN_TRANSACTION -> new IpnAnswer("01", "Order not found");
      case AMOUNT_MISMATCH -> new IpnAnswer("04", "Invalid amount");
      case DUPLICATE, NOT_OPEN -> new IpnAnswer("02", "Order already confirmed");
      case FAILED_AT_GATEWAY, CONFIRMED -> new IpnAnswer("00", "Confirm Success");
    };
  }

}
