package org.motcua.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** The calendar as shipped in {@code config/calendar.yml}, bound the way Spring Boot binds it, without a context. */
public final class CalendarFixtures {

  private CalendarFixtures() {}

  public static CalendarProperties shippedProperties() {
    return bind(new ClassPathResource("config/calendar.yml"));
  }

  public static WorkingCalendar shippedCalendar() {
    return new ConfiguredWorkingCalendar(shippedProperties());
  }

  /** Binds a YAML text holding {@code motcua.calendar...}; binding failures surface as Spring's BindException. */
  public static CalendarProperties bindYaml(String yaml) {
    return bind(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test calendar"));
  }

  private static CalendarProperties bind(Resource resource) {
    try {
      List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("calendar", resource);
      return new Binder(ConfigurationPropertySources.from(sources))
          .bindOrCreate(CalendarProperties.PREFIX, CalendarProperties.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
