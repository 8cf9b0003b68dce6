package org.motcua.process.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.CalendarFixtures;
import org.motcua.common.MotcuaZone;

/** The plugin replaces the engine's "dueDate" and "duration" calendars, and the engine really uses them. */
class WorkingCalendarEnginePluginTest {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final WorkingCalendarEnginePlugin plugin =
      new WorkingCalendarEnginePlugin(CalendarFixtures.shippedCalendar(), new MotcuaZone(VIETNAM));

  private ProcessEngine engine;

  @AfterEach
  void closeEngine() {
    ClockUtil.reset();
    if (engine != null) {
      engine.close();
    }
  }

  private static Date vietnam(String isoLocal) {
    return Date.from(LocalDateTime.parse(isoLocal).atZone(VIETNAM).toInstant());
  }

  @Test
  void installsWorkingTimeCalendarsUnderTheEngineNames() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();

    plugin.preInit(configuration);

    BusinessCalendarManager calendars = configuration.getBusinessCalendarManager();
    assertThat(calendars.getBusinessCalendar("dueDate")).isInstanceOf(WorkingTimeBusinessCalendar.class);
    assertThat(calendars.getBusinessCalendar("duration")).isInstanceOf(WorkingTimeBusinessCalendar.class);
    assertThat(calendars.getBusinessCalendar("cycle")).isInstanceOf(CycleBusinessCalendar.class);
  }

  @Test
  void userTaskDueDatesAndTimerDurationsCountWorkingTime() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:working-calendar-plugin;DB_CLOSE_DELAY=-1")
        // A name of its own: closing an engine named "default" would unregister the suite's engine JVM-wide, and
        // Camunda's web apps of the Spring context would then answer 500.
        .setProcessEngineName("calendarPluginTest")
        .setJobExecutorActivate(false);
    configuration.getProcessEnginePlugins().add(plugin);
    engine = configuration.buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess("calendarCheck")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .parallelGateway("split")
        .userTask("appraise").camundaDueDate("P2D").camundaFollowUpDate("PT4H")
        .endEvent()
        .moveToNode("split")
        .intermediateCatchEvent("reminder").timerWithDuration("PT1H")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("calendarCheck.bpmn", model).deploy();
    ClockUtil.setCurrentTime(vietnam("2025-01-24T16:30"));

    engine.getRuntimeService().startProcessInstanceByKey("calendarCheck");

    Task task = engine.getTaskService().createTaskQuery().taskDefinitionKey("appraise").singleResult();
    // Friday 24 Jan 2025 16:30, the last afternoon before Tết (25 Jan – 2 Feb).
    assertThat(task.getDueDate()).isEqualTo(vietnam("2025-02-04T16:30"));
    assertThat(task.getFollowUpDate()).isEqualTo(vietnam("2025-02-03T10:30"));
    Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(vietnam("2025-02-03T07:30"));
  }
}
