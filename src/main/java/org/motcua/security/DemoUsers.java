package org.motcua.security;

import java.util.List;
import org.motcua.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Creates the demo accounts of {@code config/demo.yml} when {@code motcua.demo.enabled=true} (the embedded default).
 * Never on by default in production: the postgres profile switches it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "motcua.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoUsers.DemoProperties.class)
class DemoUsers {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  @ConfigurationProperties("motcua.demo")
  record DemoProperties(boolean enabled, List<UserAccounts.NewAccount> users) {
  }

  @org.springframework.context.annotation.Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ApplicationRunner createDemoUsers(DemoProperties demo, UserAccounts accounts, Catalog catalog) {
    return (ApplicationArguments args) -> {
      int created = 0;
      for (UserAccounts.NewAccount user : demo.users() == null ? List.<UserAccounts.NewAccount>of() : demo.users()) {
        if (user.agencyCode() != null && catalog.agency(user.agencyCode()).isEmpty()) {
          throw new IllegalStateException("config/demo.yml: user '" + user.username() + "': unknown agency '"
              + user.agencyCode() + "'");
        }
        if (accounts.createIfAbsent(user)) {
          created++;
        }
      }
      log.info("Demo users ready ({} created)", created);
    };
  }
}
