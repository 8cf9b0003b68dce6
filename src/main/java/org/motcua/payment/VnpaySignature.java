package org.motcua.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNPAY's merchant signature: the {@code vnp_} parameters sorted by name, values URL-encoded, joined with {@code &},
 * signed with HMAC-SHA512 and the terminal's secret, as lower-case hex in {@code vnp_SecureHash}.
 */
final class VnpaySignature {

  static final String HASH = "vnp_SecureHash";
  static final String HASH_TYPE = "vnp_SecureHashType";

  private VnpaySignature() {
  }

  /** The query string of the signed parameters (without the hash). */
  static String signedData(Map<String, String> params) {
    return new TreeMap<>(params).entrySet().stream()
        .filter(e -> !e.getKey().equals(HASH) && !e.getKey().equals(HASH_TYPE))
        .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String sign(Map<String, String> params, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
      return HexFormat.of().formatHex(mac.doFinal(signedData(params).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks the hash in constant time, before anything else in the parameters is trusted. */
  static boolean verify(Map<String, String> params, String secret) {
    String given = params.get(HASH);
    if (given == null || given.isEmpty()) {
      return false;
    }
    byte[] expected = sign(params, secret).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }

  /** The full query string, with the hash appended. */
  static String signedQuery(Map<String, String> params, String secret) {
    return signedData(params) + "&" + HASH + "=" + sign(params, secret);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.US_ASCII);
  }
}
