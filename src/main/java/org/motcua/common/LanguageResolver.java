package org.motcua.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The reader's language. API clients choose with {@code Accept-Language} on every call (Vietnamese by default), as
 * the API has always done; people on the web pages choose once with {@code ?lang=en} / {@code ?lang=vi}, kept in a
 * cookie, and get Vietnamese otherwise — a browser's English {@code Accept-Language} must not turn a Vietnamese
 * public-service portal into English.
 */
class LanguageResolver implements LocaleResolver {

  static final String COOKIE = "motcua-lang";

  private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
  private final CookieLocaleResolver pages = new CookieLocaleResolver(COOKIE);
  private final Locale defaultLocale;
  private final List<Locale> supported;

  LanguageResolver(Locale defaultLocale, List<Locale> supported) {
    this.defaultLocale = defaultLocale;
    this.supported = List.copyOf(supported);
    api.setSupportedLocales(supported);
    api.setDefaultLocale(defaultLocale);
    pages.setDefaultLocale(defaultLocale);
    pages.setCookieMaxAge(java.time.Duration.ofDays(365));
    pages.setRejectInvalidCookies(true);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return isApi(request) ? api.resolveLocale(request) : supportedOrDefault(pages.resolveLocale(request));
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (!isApi(request)) {
      // Only languages with texts: ?lang=fr would otherwise show message keys instead of words.
      Locale chosen = supportedOrDefault(locale);
      pages.setLocale(request, response, chosen.equals(defaultLocale) ? null : chosen);
    }
  }

  private Locale supportedOrDefault(Locale locale) {
    return locale == null ? defaultLocale : supported.stream()
        .filter(s -> s.getLanguage().equals(locale.getLanguage()))
        .findFirst().orElse(defaultLocale);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/");
  }
}
