package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motcua.MotcuaApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Finding 2 of the security review: the shipped base configuration carried the sample hash secret, the sandbox
 * gateway, demo accounts and Camunda's admin/admin, so any deployment that forgot a profile accepted payment
 * callbacks signed with the public secret; on PostgreSQL the secret defaulted to blank and every IPN answered 500.
 * Now the real application refuses to start outside the demo profile, naming each unsafe setting. (These starts fail
 * while the environment is prepared, before any database or engine exists.)
 */
class ProductionSafetyTest {

  private static final String STRONG_SECRET = "k3Jd9sPq0wXz7LmN4vBt6RyC1eHu8GaF";

  @Test
  void theShippedConfigurationWithoutTheDemoProfileDoesNotStart() {
    Throwable refused = start();
    assertThat(refused).isInstanceOf(ProductionSafety.UnsafeConfigurationException.class);
    assertThat(refused.getMessage()).contains("motcua.payment.vnpay.hash-secret", "is blank");
  }

  @Test
  void theProductionProfileWithABlankSecretDoesNotStartEither() {
    assertThat(start("--spring.profiles.active=postgres").getMessage())
        .contains("motcua.payment.vnpay.hash-secret", "is blank");
  }

  @Test
  void aSampleOrShortSecretIsRefused() {
    assertThat(start("--motcua.payment.vnpay.hash-secret=sandbox-secret-change-me").getMessage())
        .contains("published sample secret");
    assertThat(start("--motcua.payment.vnpay.hash-secret=short-but-not-sample").getMessage())
        .contains("20 characters long", "at least 32");
  }

  @Test
  void demoConveniencesAndDefaultAdministratorPasswordsAreRefusedOutsideTheDemoProfile() {
    Throwable refused = start("--motcua.payment.vnpay.hash-secret=" + STRONG_SECRET,
        "--motcua.payment.sandbox.enabled=true", "--motcua.demo.enabled=true",
        "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin",
        "--motcua.security.public-api-docs=true");
    assertThat(((ProductionSafety.UnsafeConfigurationException) refused).problems()).hasSize(4);
    assertThat(refused.getMessage()).contains("motcua.payment.sandbox.enabled", "motcua.demo.enabled",
        "camunda.bpm.admin-user.password", "motcua.security.public-api-docs");
  }

  /** Issue 17: the S3 document store holds every citizen's files; without credentials, or with a sample one, no start. */
  @Test
  void theS3DocumentStoreWithoutCredentialsOrWithASampleSecretIsRefused() {
    Throwable refused = start("--motcua.payment.vnpay.hash-secret=" + STRONG_SECRET, "--motcua.documents.store=s3",
        "--motcua.documents.s3.bucket=motcua");
    assertThat(((ProductionSafety.UnsafeConfigurationException) refused).problems()).singleElement().asString()
        .contains("motcua.documents.store=s3 without motcua.documents.s3.access-key and .secret-key");
    assertThat(start("--motcua.payment.vnpay.hash-secret=" + STRONG_SECRET, "--motcua.documents.store=S3",
        "--motcua.documents.s3.access-key=motcua", "--motcua.documents.s3.secret-key=minioadmin").getMessage())
        .contains("motcua.documents.s3.secret-key is a published sample secret");

    StandardEnvironment withKeys = new StandardEnvironment();
    withKeys.getPropertySources().addFirst(new MapPropertySource("production", Map.of(
        "motcua.payment.vnpay.hash-secret", STRONG_SECRET, "motcua.documents.store", "s3",
        "motcua.documents.s3.access-key", "motcua-node", "motcua.documents.s3.secret-key", STRONG_SECRET)));
    assertThat(ProductionSafety.problems(withKeys)).isEmpty();
  }

  @Test
  void anIdentityProviderWithoutItsSecretIsRefused() {
    Throwable refused = start("--motcua.payment.vnpay.hash-secret=" + STRONG_SECRET,
        "--motcua.security.oidc.providers.vneid.issuer-uri=https://sso.dancuquocgia.gov.vn",
        "--motcua.security.oidc.providers.vneid.client-id=motcua",
        "--motcua.security.oidc.providers.keycloak.kind=OFFICER",
        "--motcua.security.oidc.providers.keycloak.issuer-uri=http://sso.province.example/realms/motcua",
        "--motcua.security.oidc.providers.keycloak.client-id=motcua",
        "--motcua.security.oidc.providers.keycloak.client-secret=changeme");
    assertThat(((ProductionSafety.UnsafeConfigurationException) refused).problems()).containsExactly(
        "motcua.security.oidc.providers.keycloak.client-secret is a published sample secret: set the one the"
            + " provider issued",
        "motcua.security.oidc.providers.keycloak.issuer-uri must be an https:// address (tokens and the provider's"
            + " keys are fetched from it)",
        "motcua.security.oidc.providers.vneid.client-secret is blank: set the client secret the provider issued to"
            + " motcua");

    StandardEnvironment complete = new StandardEnvironment();
    complete.getPropertySources().addFirst(new MapPropertySource("production", Map.of(
        "motcua.payment.vnpay.hash-secret", STRONG_SECRET,
        "motcua.security.oidc.providers.vneid.issuer-uri", "https://sso.dancuquocgia.gov.vn",
        "motcua.security.oidc.providers.vneid.client-id", "motcua",
        "motcua.security.oidc.providers.vneid.client-secret", "Xq8v-real-secret-from-the-provider")));
    assertThat(ProductionSafety.problems(complete)).isEmpty();
  }

  /**
   * Security review finding 1: an officer provider taking roles from groups without a group prefix lets any SSO group
   * named like a role of motcua (an "ADMIN" group of some other application) grant it.
   */
  @Test
  void anOfficerProviderTakingRolesFromGroupsWithoutAGroupPrefixIsRefused() {
    Map<String, Object> settings = officerProvider();
    settings.put("motcua.security.oidc.providers.sso.claims.groups", "groups");
    assertThat(ProductionSafety.problems(environment(settings))).containsExactly(
        "motcua.security.oidc.providers.sso.claims.group-prefix is blank while roles come from groups: any group"
            + " named like a role of motcua (ADMIN, CLERK@…) would grant it; set the prefix of motcua's groups");
    settings.put("motcua.security.oidc.providers.sso.claims.group-prefix", "motcua:");
    assertThat(ProductionSafety.problems(environment(settings))).isEmpty();
  }

  /** Security review finding 4: an unbounded clock skew keeps expired tokens alive. */
  @Test
  void aClockSkewAboveFiveMinutesIsRefused() {
    Map<String, Object> settings = officerProvider();
    settings.put("motcua.security.oidc.providers.sso.clock-skew", "PT10M");
    assertThat(ProductionSafety.problems(environment(settings))).containsExactly(
        "motcua.security.oidc.providers.sso.clock-skew is above 5 minutes (PT10M): expired tokens would stay"
            + " valid that long");
    settings.put("motcua.security.oidc.providers.sso.clock-skew", "PT5M");
    assertThat(ProductionSafety.problems(environment(settings))).isEmpty();
  }

  private static Map<String, Object> officerProvider() {
    return new java.util.HashMap<>(Map.of(
        "motcua.payment.vnpay.hash-secret", STRONG_SECRET,
        "motcua.security.oidc.providers.sso.kind", "OFFICER",
        "motcua.security.oidc.providers.sso.issuer-uri", "https://sso.cantho.gov.vn/realms/motcua",
        "motcua.security.oidc.providers.sso.client-id", "motcua",
        "motcua.security.oidc.providers.sso.client-secret", "Xq8v-real-secret-from-the-provider"));
  }

  private static StandardEnvironment environment(Map<String, Object> settings) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("production", settings));
    return env;
  }

  @Test
  void theRefusalIsPrintedAsOneClearMessage() {
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      start();
    } finally {
      System.setOut(console);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("APPLICATION FAILED TO START",
        "motcua.payment.vnpay.hash-secret (MOTCUA_VNPAY_HASH_SECRET) is blank", "--spring.profiles.active=demo");
  }

  @Test
  void realSecretsPassAndTheDemoProfileIsExempt() {
    StandardEnvironment production = new StandardEnvironment();
    production.getPropertySources().addFirst(new MapPropertySource("production", Map.of(
        "motcua.payment.vnpay.hash-secret", STRONG_SECRET,
        "camunda.bpm.admin-user.id", "ops",
        "camunda.bpm.admin-user.password", "a-long-real-passphrase")));
    assertThat(ProductionSafety.problems(production)).isEmpty();

    // Operaton's own prefix for the same administrator is checked too.
    StandardEnvironment operaton = new StandardEnvironment();
    operaton.getPropertySources().addFirst(new MapPropertySource("production", Map.of(
        "motcua.payment.vnpay.hash-secret", STRONG_SECRET,
        "operaton.bpm.admin-user.id", "admin",
        "operaton.bpm.admin-user.password", "operaton")));
    assertThat(ProductionSafety.problems(operaton)).containsExactly("operaton.bpm.admin-user.password is a default"
        + " or short password (at least 12 characters, not the user name): set a real one or remove"
        + " operaton.bpm.admin-user");
    // On Operaton the camunda.bpm.* administrator is also read as operaton.bpm.* (EnginePropertyPrefix): one problem.
    StandardEnvironment copied = new StandardEnvironment();
    copied.getPropertySources().addFirst(new MapPropertySource("production", Map.of(
        "motcua.payment.vnpay.hash-secret", STRONG_SECRET,
        "camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", "admin",
        "operaton.bpm.admin-user.id", "admin", "operaton.bpm.admin-user.password", "admin")));
    assertThat(ProductionSafety.problems(copied)).hasSize(1);

    StandardEnvironment demo = new StandardEnvironment();
    demo.setActiveProfiles("demo");
    new ProductionSafety().postProcessEnvironment(demo, null);
  }

  /** Starts the real application with the shipped configuration and these arguments; returns why it failed. */
  private static Throwable start(String... args) {
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(MotcuaApplication.class)
        .web(WebApplicationType.NONE).run(args).close());
    assertThat(failure).as("start-up must be refused").isNotNull();
    Throwable root = failure;
    while (!(root instanceof ProductionSafety.UnsafeConfigurationException) && root.getCause() != null) {
      root = root.getCause();
    }
    return root;
  }
}
