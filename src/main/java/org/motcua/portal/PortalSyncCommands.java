package org.motcua.portal;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar motcua.jar portal-resend --from=2025-01-01 --to=2025-01-31}: queues the status changes of the
 * period again (see {@link PortalResend}) and exits; the relay of any running node delivers them. Not started
 * otherwise.
 */
@Component
class PortalSyncCommands implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PortalSyncCommands.class);

  private final PortalResend resend;
  private final ConfigurableApplicationContext context;

  PortalSyncCommands(PortalResend resend, ConfigurableApplicationContext context) {
    this.resend = resend;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> commands = args.getNonOptionArgs();
    if (commands.isEmpty() || !commands.get(0).equals("portal-resend")) {
      return;
    }
    PortalResend.Resent resent = resend.resend(date(args, "from"), date(args, "to"));
    log.info("Queued {} status changes from {} to {} for the national portal", resent.events(), resent.from(),
        resent.to());
    System.out.printf("portal-resend: %d status changes from %s to %s queued again%n", resent.events(),
        resent.from(), resent.to());
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  private static LocalDate date(ApplicationArguments args, String name) {
    List<String> values = args.getOptionValues(name);
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("portal-resend needs --" + name + "=YYYY-MM-DD");
    }
    return LocalDate.parse(values.get(0));
  }
}
