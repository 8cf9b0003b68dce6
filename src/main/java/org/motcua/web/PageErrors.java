package org.motcua.web;

import jakarta.servlet.http.HttpServletResponse;
import org.motcua.common.ApiException;
import org.motcua.common.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Expected failures on a page (unknown dossier, someone else's dossier…) become an HTML page in the reader's
 * language. Ordered first so the API's problem+json advice, which covers every controller, does not answer for pages.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private final Problems problems;

  PageErrors(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ApiException.class)
  String failed(ApiException e, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    if (e instanceof org.motcua.common.Throttled throttled) {
      response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
    }
    model.addAttribute("status", e.status().value());
    model.addAttribute("message", problems.message("error." + e.code(), e.args()));
    return "error";
  }
}
