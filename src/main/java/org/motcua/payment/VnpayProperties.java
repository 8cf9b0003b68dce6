package org.motcua.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The VNPAY terminal: code and secret from {@code config/}, the gateway's payment page, and where the browser comes
 * back. On the embedded default the payment page is motcua's own sandbox gateway.
 */
@ConfigurationProperties("motcua.payment.vnpay")
public record VnpayProperties(String tmnCode, String hashSecret, String payUrl, String returnUrl, String ipnUrl) {
}
