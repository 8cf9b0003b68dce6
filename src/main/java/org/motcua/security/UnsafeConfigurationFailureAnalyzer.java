package org.motcua.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints {@link ProductionSafety}'s refusal as Spring Boot's "APPLICATION FAILED TO START" block, without a trace. */
final class UnsafeConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<ProductionSafety.UnsafeConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProductionSafety.UnsafeConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set these through environment variables or a configuration file outside the jar (README \"Security\" lists"
            + " them), or start with --spring.profiles.active=demo to try motcua with demo accounts and the sandbox"
            + " gateway.",
        cause);
  }
}
