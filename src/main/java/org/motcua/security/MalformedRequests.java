package org.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.motcua.common.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What Spring Security's firewall refuses ({@code //engine-rest/…}, {@code ;} or {@code ..} in a path, an unknown
 * method, a header with control characters…) is the caller's mistake or a probe: 400, problem+json for the API's
 * addresses and plain text for the rest, logged in one line at DEBUG instead of a 500 with a stack trace.
 *
 * <p>The address is checked here, before the security filters: Spring's request-path parsing, which runs ahead of
 * the firewall inside them, fails with an exception of its own on {@code //engine-rest/…}. Headers are checked as the
 * application reads them, inside the security filters, which hand their refusals to this same bean.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 5)
class MalformedRequests extends OncePerRequestFilter implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

  private final HttpFirewall firewall;
  private final SecurityConfig.ProblemWriter problemWriter;
  private final Problems problems;
  private final LocaleResolver locales;

  MalformedRequests(ObjectProvider<HttpFirewall> firewall, SecurityConfig.ProblemWriter problemWriter,
      Problems problems, LocaleResolver locales) {
    this.firewall = firewall.getIfAvailable(StrictHttpFirewall::new);
    this.problemWriter = problemWriter;
    this.problems = problems;
    this.locales = locales;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      firewall.getFirewalledRequest(request);
    } catch (RequestRejectedException rejected) {
      handle(request, response, rejected);
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
    if (response.isCommitted()) {
      return;
    }
    // The address as the API matchers would read it once its slashes were collapsed (//engine-rest/… is the API).
    String path = request.getRequestURI().substring(request.getContextPath().length()).replaceAll("/{2,}", "/");
    if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/")) {
      problemWriter.write(request, response, HttpStatus.BAD_REQUEST, "MALFORMED_ADDRESS");
      return;
    }
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.TEXT_PLAIN_VALUE);
    response.getWriter().write(problems.message("error.MALFORMED_ADDRESS") + "\n");
  }
}
