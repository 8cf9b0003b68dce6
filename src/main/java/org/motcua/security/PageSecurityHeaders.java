package org.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.motcua.process.EngineWebApps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy and Referrer-Policy of every answer (Spring Security adds X-Content-Type-Options:
 * nosniff and the frame options). The pages load scripts, styles, fonts and images from motcua itself only, so an
 * injected tag can run nothing; forms post to motcua, or to the payment gateway the pay button redirects to. The
 * engine's web apps ({@link EngineWebApps}, e.g. under {@code /camunda/}) set their own policy (they need inline
 * scripts): none from us there.
 * Set before the security filters run, so that a refusal page carries them too.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class PageSecurityHeaders extends OncePerRequestFilter {

  private final String policy;
  private final String engineWebApps;

  PageSecurityHeaders(@Value("${motcua.payment.vnpay.pay-url:}") String paymentPage, EngineWebApps engineWebApps) {
    this.engineWebApps = engineWebApps.path() + "/";
    this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
        + " connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'"
        + gatewayOrigin(paymentPage);
  }

  /** The payment gateway's origin, when its page is elsewhere (form-action also governs where a post redirects). */
  private static String gatewayOrigin(String paymentPage) {
    URI page = URI.create(paymentPage.trim());
    if (page.getScheme() == null || page.getHost() == null) {
      return "";
    }
    return " " + page.getScheme() + "://" + page.getHost() + (page.getPort() < 0 ? "" : ":" + page.getPort());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!request.getRequestURI().startsWith(request.getContextPath() + engineWebApps)) {
      response.setHeader("Content-Security-Policy", policy);
    }
    // Dossier codes and search terms stay in motcua's own addresses: no other site learns them from a link.
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }
}
