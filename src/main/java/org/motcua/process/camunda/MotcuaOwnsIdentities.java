package org.motcua.process.camunda;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Who may use Camunda's web apps is motcua's business (its accounts, its sign-in: {@link CamundaWebappSignIn}), so
 * the engine's own user store is read-only: Camunda has no users, its Admin app creates none, and its web apps never
 * send an administrator to their "create the first user" page. Left writable only when a deployment still declares a
 * Camunda administrator ({@code camunda.bpm.admin-user.id}), which the engine then creates as before.
 */
@Component
@ConditionalOnExpression("'${camunda.bpm.admin-user.id:}'.isBlank()")
class MotcuaOwnsIdentities extends SpringProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SessionFactory readOnly = new GenericManagerFactory(DbReadOnlyIdentityServiceProvider.class);
    configuration.setIdentityProviderSessionFactory(readOnly);
  }
}
