package org.motcua.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The settings of {@code config/notifications.yml} and one outbox sink per channel. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfig {

  /** E-mail: Spring Mail's sender when {@code spring.mail.host} is set, else the log. */
  @Bean
  EmailSink emailSink(ObjectProvider<JavaMailSender> mail, NotificationMessages messages,
      NotificationProperties properties) {
    return new EmailSink(mail.getIfAvailable(), messages, properties.email());
  }

  @Bean
  ProviderSink smsSink(NotificationMessages messages, NotificationProperties properties, ObjectMapper json) {
    return new ProviderSink(NotificationChannel.SMS, properties.sms(), messages, json);
  }

  @Bean
  ProviderSink zaloSink(NotificationMessages messages, NotificationProperties properties, ObjectMapper json) {
    return new ProviderSink(NotificationChannel.ZALO, properties.zalo(), messages, json);
  }
}
