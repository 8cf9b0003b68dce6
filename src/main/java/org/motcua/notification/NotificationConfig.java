package org.motcua.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSender;

/** The settings of {@code config/notifications.yml} and one outbox sink per channel. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfig {

  /** E-mail: Spring Mail's sender when {@code spring.mail.host} is set, else the log (demo profile only). */
  @Bean
  EmailSink emailSink(ObjectProvider<JavaMailSender> mail, NotificationMessages messages,
      NotificationProperties properties, Environment environment) {
    return new EmailSink(mail.getIfAvailable(), messages, properties.email(), demo(environment));
  }

  @Bean
  ProviderSink smsSink(NotificationMessages messages, NotificationProperties properties, ObjectMapper json,
      Environment environment) {
    return new ProviderSink(NotificationChannel.SMS, properties.sms(), messages, json, demo(environment));
  }

  @Bean
  ProviderSink zaloSink(NotificationMessages messages, NotificationProperties properties, ObjectMapper json,
      Environment environment) {
    return new ProviderSink(NotificationChannel.ZALO, properties.zalo(), messages, json, demo(environment));
  }

  /** Writing messages to the log instead of sending them is a demo convenience (see README "Notifications"). */
  private static boolean demo(Environment environment) {
    return environment.acceptsProfiles(Profiles.of("demo"));
  }
}
