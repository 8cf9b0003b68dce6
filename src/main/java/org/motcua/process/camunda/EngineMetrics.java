package org.motcua.process.camunda;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/** The job executor's health in numbers: jobs due and waiting, and jobs that failed out of retries (incidents). */
@Component
class EngineMetrics {

  EngineMetrics(MeterRegistry registry, ManagementService management) {
    Gauge.builder("motcua.jobs.backlog", () -> management.createJobQuery().executable().count())
        .description("Jobs due and not yet executed (timers, async continuations)")
        .register(registry);
    Gauge.builder("motcua.jobs.failed", () -> management.createJobQuery().noRetriesLeft().count())
        .description("Jobs that failed with no retries left")
        .register(registry);
  }
}
