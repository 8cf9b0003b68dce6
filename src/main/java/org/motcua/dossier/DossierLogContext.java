package org.motcua.dossier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts the dossier code of a {@code /api/dossiers/{code}/…} request into the log context (MDC key "dossier"). */
@Component
class DossierLogContext extends OncePerRequestFilter {

  static final String KEY = "dossier";
  private static final Pattern DOSSIER_PATH = Pattern.compile("^/api/dossiers/([^/]+)");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = DOSSIER_PATH.matcher(request.getRequestURI());
    if (!matcher.find()) {
      chain.doFilter(request, response);
      return;
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, matcher.group(1))) {
      chain.doFilter(request, response);
    }
  }
}
