package org.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer checked against a known answer computed outside the code, following VNPAY's integration guide (2.1.0):
 * the {@code vnp_} parameters sorted by name, empty values and the hash fields left out, each value URL-encoded as a
 * form ({@code ' '} → {@code +}, {@code :/?=&} percent-encoded), joined with {@code &}, HMAC-SHA512 with the
 * terminal's secret, lower-case hex. The query string below was written by hand from the parameters, and its hash
 * computed with:
 *
 * <pre>
 * printf '%s' 'vnp_Amount=20000000&amp;vnp_Command=pay&amp;...&amp;vnp_Version=2.1.0' \
 *   | openssl dgst -sha512 -hmac 'KAT-secret-0123456789ABCDEF'
 * </pre>
 */
class VnpaySignatureTest {

  private static final String SECRET = "KAT-secret-0123456789ABCDEF";
  private static final String QUERY = "vnp_Amount=20000000&vnp_Command=pay&vnp_CreateDate=20261123100000"
      + "&vnp_CurrCode=VND&vnp_IpAddr=203.113.1.7&vnp_Locale=vn"
      + "&vnp_OrderInfo=Thanh+toan+phi+le+phi+ho+so+000.00.12.H13-261123-0001&vnp_OrderType=other"
      + "&vnp_ReturnUrl=https%3A%2F%2Fdichvucong.example.gov.vn%2Fpayments%2Fvnpay%2Freturn%3Fa%3D1%26b%3D2"
      + "&vnp_TmnCode=MOTCUA01&vnp_TxnRef=HS-000123&vnp_Version=2.1.0";
  private static final String HASH = "d4ab56451b739a83b633651a052da9655340182b24a43c2b5fe2965e25cf9b51"
      + "a99cbed4a74de52d7227e3721d3b8c4f815b740c960e4e133468a805b7af219c";

  /** The parameters in the order a payment URL lists them, not sorted: sorting is the signer's job. */
  private static Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("vnp_Version", "2.1.0");
    params.put("vnp_Command", "pay");
    params.put("vnp_TmnCode", "MOTCUA01");
    params.put("vnp_Amount", "20000000");
    params.put("vnp_CurrCode", "VND");
    params.put("vnp_TxnRef", "HS-000123");
    params.put("vnp_OrderInfo", "Thanh toan phi le phi ho so 000.00.12.H13-261123-0001");
    params.put("vnp_OrderType", "other");
    params.put("vnp_Locale", "vn");
    params.put("vnp_ReturnUrl", "https://dichvucong.example.gov.vn/payments/vnpay/return?a=1&b=2");
    params.put("vnp_IpAddr", "203.113.1.7");
    params.put("vnp_CreateDate", "20261123100000");
    params.put("vnp_BankCode", ""); // empty: not signed
    return params;
  }

  @Test
  void theSignerMatchesTheIndependentlyComputedKnownAnswer() {
    assertThat(VnpaySignature.signedData(params())).isEqualTo(QUERY);
    assertThat(VnpaySignature.sign(params(), SECRET)).isEqualTo(HASH);
    assertThat(VnpaySignature.signedQuery(params(), SECRET)).isEqualTo(QUERY + "&vnp_SecureHash=" + HASH);
  }

  @Test
  void theKnownAnswerIsVerifiedAndAnyChangeToItIsNot() {
    Map<String, String> signed = params();
    signed.put("vnp_SecureHashType", "HmacSHA512"); // sent by some terminals, never signed
    signed.put("vnp_SecureHash", HASH.toUpperCase());
    assertThat(VnpaySignature.verify(signed, SECRET)).isTrue();

    Map<String, String> tampered = new LinkedHashMap<>(signed);
    tampered.put("vnp_Amount", "2000000");
    assertThat(VnpaySignature.verify(tampered, SECRET)).isFalse();
    assertThat(VnpaySignature.verify(signed, SECRET + "x")).isFalse();
    Map<String, String> unsigned = new LinkedHashMap<>(params());
    assertThat(VnpaySignature.verify(unsigned, SECRET)).isFalse();
  }
}
