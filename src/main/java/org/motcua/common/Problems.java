package org.motcua.common;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds the problem+json bodies of every 4xx: stable code, message in the request's language. */
@Component
public class Problems {

  private final MessageSource messages;

  public Problems(MessageSource messages) {
    this.messages = messages;
  }

  public ProblemDetail of(HttpStatusCode status, String code, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    String message = messages.getMessage("error." + code, args, code, locale);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    problem.setTitle(messages.getMessage("http." + status.value(),
        null, HttpStatus.valueOf(status.value()).getReasonPhrase(), locale));
    problem.setType(URI.create("urn:motcua:error:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
    problem.setProperty("code", code);
    return problem;
  }

  public ProblemDetail of(Refusal refusal, Object... args) {
    return of(refusal.status(), refusal.code(), args);
  }

  public ProblemDetail of(ApiException e) {
    return of(e.status(), e.code(), e.args());
  }

  public String message(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
