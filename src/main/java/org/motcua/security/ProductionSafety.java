package org.motcua.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start outside the {@code demo} profile while a demo convenience or a guessable secret is configured:
 * a blank, short or sample payment hash secret (anyone could sign a payment callback), the sandbox gateway, demo
 * accounts, public API docs, a default administrator password, or the S3 document store without credentials (or with
 * a sample secret key). Runs before anything is created, so a misconfigured node stops at
 * once with one message naming each setting, instead of answering payment callbacks with errors later.
 */
final class ProductionSafety implements EnvironmentPostProcessor, Ordered {

  static final String DEMO_PROFILE = "demo";
  static final int MIN_SECRET_LENGTH = 32;

  /** Secrets published in motcua's own demo configuration and in common samples. */
  private static final Set<String> SAMPLE_SECRETS = Set.of("sandbox-secret-change-me", "change-me", "changeme",
      "secret", "your-hash-secret", "vnpay-hash-secret");
  private static final List<String> ENGINE_PREFIXES = List.of("camunda.bpm", "operaton.bpm");
  /** The default secret keys of MinIO, S3Proxy and the AWS documentation. */
  private static final Set<String> SAMPLE_S3_SECRETS = Set.of("minioadmin", "local-credential",
      "wjalrxutnfemi/k7mdeng/bpxrficyexamplekey", "change-me", "changeme", "secret");
  private static final Set<String> DEFAULT_PASSWORDS = Set.of("admin", "demo", "camunda", "password", "changeme",
      "change-me", "123456", "12345678", "motcua");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
      return;
    }
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new UnsafeConfigurationException(problems);
    }
  }

  /** What is unsafe in this configuration, one line per setting; empty when it may serve citizens. */
  static List<String> problems(Environment env) {
    List<String> problems = new ArrayList<>();
    String secret = env.getProperty("motcua.payment.vnpay.hash-secret", "").trim();
    if (secret.isEmpty()) {
      problems.add("motcua.payment.vnpay.hash-secret (MOTCUA_VNPAY_HASH_SECRET) is blank: set the province's VNPAY"
          + " hash secret");
    } else if (SAMPLE_SECRETS.contains(secret.toLowerCase(Locale.ROOT))) {
      problems.add("motcua.payment.vnpay.hash-secret is a published sample secret: anyone could sign a payment"
          + " callback with it");
    } else if (secret.length() < MIN_SECRET_LENGTH) {
      problems.add("motcua.payment.vnpay.hash-secret is " + secret.length() + " characters long: at least "
          + MIN_SECRET_LENGTH + " are required");
    }
    if (env.getProperty("motcua.payment.sandbox.enabled", Boolean.class, false)) {
      problems.add("motcua.payment.sandbox.enabled=true: the sandbox gateway marks fees paid without money; it"
          + " exists only in the demo profile");
    }
    if (env.getProperty("motcua.demo.enabled", Boolean.class, false)) {
      problems.add("motcua.demo.enabled=true: demo accounts have published passwords; they exist only in the demo"
          + " profile");
    }
    if (env.getProperty("motcua.security.public-api-docs", Boolean.class, false)) {
      problems.add("motcua.security.public-api-docs=true: the API description is for ADMIN outside the demo profile");
    }
    if ("s3".equalsIgnoreCase(env.getProperty("motcua.documents.store", "").trim())) {
      String accessKey = env.getProperty("motcua.documents.s3.access-key", "").trim();
      String secretKey = env.getProperty("motcua.documents.s3.secret-key", "").trim();
      if (accessKey.isEmpty() || secretKey.isEmpty()) {
        problems.add("motcua.documents.store=s3 without motcua.documents.s3.access-key and .secret-key"
            + " (MOTCUA_DOCUMENTS_S3_ACCESS_KEY, MOTCUA_DOCUMENTS_S3_SECRET_KEY): set the object store's credentials");
      } else if (SAMPLE_S3_SECRETS.contains(secretKey.toLowerCase(Locale.ROOT))) {
        problems.add("motcua.documents.s3.secret-key is a published sample secret: anyone could read and replace"
            + " citizens' files with it");
      }
    }
    // The engine's web-app administrator: camunda.bpm.* is motcua's name for it on both engines, operaton.bpm.* the
    // Operaton starter's own (README "Operaton instead of Camunda"); a copy of the first is not reported twice.
    Set<String> administrators = new java.util.HashSet<>();
    for (String engine : ENGINE_PREFIXES) {
      String adminId = env.getProperty(engine + ".admin-user.id");
      String password = env.getProperty(engine + ".admin-user.password", "");
      if (adminId != null && !adminId.isBlank() && administrators.add(adminId + "\n" + password)) {
        if (password.length() < 12 || password.equalsIgnoreCase(adminId)
            || DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
          problems.add(engine + ".admin-user.password is a default or short password (at least 12 characters, not"
              + " the user name): set a real one or remove " + engine + ".admin-user");
        }
      }
    }
    problems.addAll(providerProblems(env));
    return problems;
  }

  /**
   * Each OpenID Connect provider needs its issuer over HTTPS, its client id and a real client secret: without the
   * secret the code exchange fails at the first sign-in, with a sample one anyone could act as motcua.
   */
  private static List<String> providerProblems(Environment env) {
    List<String> problems = new ArrayList<>();
    java.util.Map<String, OidcProviders.Provider> providers = org.springframework.boot.context.properties.bind.Binder
        .get(env).bind("motcua.security.oidc.providers", org.springframework.boot.context.properties.bind.Bindable
            .mapOf(String.class, OidcProviders.Provider.class))
        .orElse(java.util.Map.of());
    new java.util.TreeMap<>(providers).forEach((id, provider) -> {
      String prefix = "motcua.security.oidc.providers." + id + ".";
      String secret = provider.clientSecret() == null ? "" : provider.clientSecret().trim();
      if (secret.isEmpty()) {
        problems.add(prefix + "client-secret is blank: set the client secret the provider issued to motcua");
      } else if (SAMPLE_SECRETS.contains(secret.toLowerCase(Locale.ROOT))
          || DEFAULT_PASSWORDS.contains(secret.toLowerCase(Locale.ROOT))) {
        problems.add(prefix + "client-secret is a published sample secret: set the one the provider issued");
      }
      if (provider.clientId() == null || provider.clientId().isBlank()) {
        problems.add(prefix + "client-id is blank: set motcua's client id at the provider");
      }
      if (provider.kind() == OidcProviders.Kind.OFFICER && provider.claims().groups() != null
          && !provider.claims().groups().isBlank()
          && (provider.claims().groupPrefix() == null || provider.claims().groupPrefix().isBlank())) {
        problems.add(prefix + "claims.group-prefix is blank while roles come from groups: any group named like a"
            + " role of motcua (ADMIN, CLERK@…) would grant it; set the prefix of motcua's groups");
      }
      if (provider.clockSkew() != null && provider.clockSkew().compareTo(java.time.Duration.ofMinutes(5)) > 0) {
        problems.add(prefix + "clock-skew is above 5 minutes (" + provider.clockSkew() + "): expired tokens would stay"
            + " valid that long");
      }
      if (provider.issuerUri() == null || !provider.issuerUri().startsWith("https://")) {
        problems.add(prefix + "issuer-uri must be an https:// address (tokens and the provider's keys are fetched"
            + " from it)");
      }
    });
    return problems;
  }

  /** After Spring Boot has read every configuration file and profile. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Start-up refused; {@link UnsafeConfigurationFailureAnalyzer} prints it as one clear message. */
  static final class UnsafeConfigurationException extends IllegalStateException {

    private final List<String> problems;

    UnsafeConfigurationException(List<String> problems) {
      super("motcua refuses to start with an unsafe configuration outside the demo profile:\n  - "
          + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }
}
