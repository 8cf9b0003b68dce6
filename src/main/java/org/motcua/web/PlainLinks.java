package org.motcua.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Page links ({@code @{…}}) are written as given. Spring Boot registers {@link ResourceUrlEncodingFilter} because the
 * webjars locator is on the class path; it passed every link of every page through the static-resource resolvers,
 * which look the path up in the jar (four class-path locations for "/procedures/…"): three quarters of the catalogue
 * page's time with 50 procedures on it (issue 15's benchmark, JFR). The webjars are still served from their
 * version-less paths ({@code /webjars/htmx.org/dist/htmx.min.js}) by the resource chain, which stays on.
 */
@Configuration(proxyBeanMethods = false)
class PlainLinks {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setEnabled(false);
    return registration;
  }
}
