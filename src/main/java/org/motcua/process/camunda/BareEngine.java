package org.motcua.process.camunda;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.motcua.process.Milestone;
import org.motcua.process.ProcessContract;
import org.motcua.process.ProcessContract.Decisions;
import org.motcua.process.ProcessContract.Tasks;
import org.motcua.process.ProcessContract.Timers;
import org.motcua.process.ProcessContract.Variables;

/**
 * The engine's own cost, for the lifecycle benchmark: a second, default-configured Camunda engine (history full, no
 * job executor, no motcua code) in its own H2 database or PostgreSQL schema, carrying dossiers through the same BPMN
 * model with no-op milestone listeners that only set the variables the model's timers and gateways read.
 */
public final class BareEngine implements AutoCloseable {

  /** The four user tasks of an online dossier without fee, and each one's decision. */
  private static final String[][] STEPS = {{Tasks.RECEPTION, Decisions.ACCEPT}, {Tasks.APPRAISAL, Decisions.FORWARD},
      {Tasks.APPROVAL, Decisions.APPROVE}, {Tasks.RESULT_RETURN, Decisions.RETURN}};

  /** The model the benchmark carries dossiers through, and the shared parts it calls. */
  private static final String[] MODELS = {ProcessContract.STANDARD_PROCESS, ProcessContract.Parts.PAYMENT,
      ProcessContract.Parts.INTAKE, ProcessContract.Parts.RESULT};

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;
  private final AtomicInteger started = new AtomicInteger();

  /**
   * @param jdbcUrl  where the engine keeps its tables: an H2 in-memory database, or a PostgreSQL database (the
   *                 schema {@code schema} is dropped and created for it)
   */
  public BareEngine(String jdbcUrl, String user, String password, String schema, int poolSize) throws Exception {
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    if (postgres) {
      try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
          Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
        s.execute("create schema " + schema);
      }
    }
    this.dataSource = new HikariDataSource();
    this.dataSource.setJdbcUrl(postgres ? jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
        : "jdbc:h2:mem:bare-engine;DB_CLOSE_DELAY=-1");
    this.dataSource.setUsername(postgres ? user : "sa");
    this.dataSource.setPassword(postgres ? password : "");
    this.dataSource.setMaximumPoolSize(poolSize);
    ProcessEngineConfigurationImpl config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bare-benchmark");
    config.setDataSource(this.dataSource);
    config.setDatabaseSchemaUpdate("true");
    if (postgres) {
      config.setDatabaseSchema(schema);
      config.setDatabaseTablePrefix(schema + ".");
    }
    config.setHistory("full");
    config.setJobExecutorActivate(false);
    config.setBeans(new HashMap<>(Map.of(ProcessContract.MILESTONE_LISTENER, new NoOpMilestones())));
    engine = config.buildProcessEngine();
    // The standard model and the shared parts it calls.
    var deployment = engine.getRepositoryService().createDeployment();
    for (String process : MODELS) {
      String file = process + ".bpmn";
      try (InputStream model = BareEngine.class.getResourceAsStream("/bpmn/" + file)) {
        deployment.addString(file, new String(model.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    deployment.deploy();
  }

  /**
   * Carries one instance from start through the four user tasks, each queried, claimed and completed, as a client
   * thread of the benchmark would.
   *
   * @param starts      receives the start's latency in nanoseconds
   * @param completions receives each task completion's (claim + complete) latency in nanoseconds
   */
  public void carryOne(String agencyCode, LongConsumer starts, LongConsumer completions) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.AGENCY_CODE, agencyCode);
    variables.put(Variables.CHANNEL, 2); // trực tuyến (Channel.ONLINE): through reception
    variables.put(Variables.PAYMENT_AT_SUBMISSION, false);
    for (String[] step : STEPS) {
      variables.put(Variables.budget(step[0]), Variables.workingHours(8));
    }
    long t0 = System.nanoTime();
    String key = "bare-" + started.incrementAndGet();
    runtime.startProcessInstanceByKey(ProcessContract.STANDARD_PROCESS, key, variables);
    starts.accept(System.nanoTime() - t0);
    for (String[] step : STEPS) {
      // By business key: the tasks of the shared parts wait in the called instances, which carry it too.
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(step[0]).singleResult();
      long t1 = System.nanoTime();
      tasks.claim(task.getId(), "officer");
      tasks.complete(task.getId(), Map.of(Variables.DECISION, step[1]));
      completions.accept(System.nanoTime() - t1);
    }
  }

  /** How many instances ended (a check that every lifecycle really completed). */
  public long finished() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessContract.STANDARD_PROCESS).finished().count();
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }

  /** Stands in for motcua's milestone listener: no dossier, only the variables the model needs to go on. */
  public static final class NoOpMilestones {

    public void reached(DelegateExecution execution, String milestone) {
      if (Milestone.RECEIVED.name().equals(milestone)) {
        Instant due = Instant.now().plus(30, ChronoUnit.DAYS);
        execution.setVariable(Timers.OVERDUE.waitsFor(), Date.from(due));
        execution.setVariable(Timers.DUE_SOON.waitsFor(), Date.from(due.minus(1, ChronoUnit.DAYS)));
      } else if (Milestone.FINISHED.name().equals(milestone)) {
        execution.setVariable(Variables.PAYMENT_REQUIRED, false);
      }
    }
  }
}
