package org.motcua.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Language, time and JSON conventions shared by every feature. */
@Configuration(proxyBeanMethods = false)
public class WebConfig {

  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** Vietnamese unless the client asks for English: per call on the API, once per browser on the pages. */
  @Bean
  LocaleResolver localeResolver() {
    return new LanguageResolver(VIETNAMESE, List.of(VIETNAMESE, Locale.ENGLISH));
  }

  /** Every rule that depends on "now" takes this clock, so tests can set the time. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock(MotcuaZone zone) {
    return Clock.system(zone.id());
  }

  /** Local times as the clerk writes them: {@code 2025-02-06T09:00}, seconds only when not zero. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer localDateTimeFormat() {
    return builder -> builder.serializerByType(LocalDateTime.class, new JsonSerializer<LocalDateTime>() {
      @Override
      public void serialize(LocalDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.truncatedTo(ChronoUnit.SECONDS).toString());
      }
    });
  }
}
