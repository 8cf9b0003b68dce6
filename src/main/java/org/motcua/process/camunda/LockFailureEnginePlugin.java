package org.motcua.process.camunda;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A lock the database gave up on while the engine wrote its rows — a deadlock it broke, or a wait past its lock
 * timeout — reaches the caller as Spring's {@link PessimisticLockingFailureException}, as the same failure in the
 * application's own statements does, so the action is refused whole with 409 RECORD_BUSY instead of a 500. The engine
 * itself wraps the driver's exception in a {@link ProcessEngineException}, which says nothing about locks.
 */
@Component
class LockFailureEnginePlugin extends SpringProcessEnginePlugin {

  /**
   * PostgreSQL: deadlock_detected, lock_not_available (lock_timeout), serialization_failure; H2: deadlock (40001),
   * lock timeout (HYT00).
   */
  static final Set<String> LOCK_FAILURES = Set.of("40P01", "55P03", "40001", "HYT00");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Translation());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** The SQL lock failure somewhere in the causes of {@code failure}, or null. */
  static SQLException lockFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (next.getSQLState() != null && LOCK_FAILURES.contains(next.getSQLState())) {
            return next;
          }
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static final class Translation extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        SQLException lock = lockFailure(e);
        if (lock == null) {
          throw e;
        }
        throw new PessimisticLockingFailureException(lock.getMessage(), e);
      }
    }
  }
}
