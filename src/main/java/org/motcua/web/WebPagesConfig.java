package org.motcua.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The language switch of the pages: {@code ?lang=en} or {@code ?lang=vi} on any page, remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebPagesConfig implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor language = new LocaleChangeInterceptor();
    language.setParamName("lang");
    // A mistyped ?lang= must not break the page; the API's language is Accept-Language only.
    language.setIgnoreInvalidLocale(true);
    registry.addInterceptor(language).excludePathPatterns("/api/**", "/engine-rest/**");
  }
}
