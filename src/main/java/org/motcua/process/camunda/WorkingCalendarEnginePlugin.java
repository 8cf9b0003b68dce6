package org.motcua.process.camunda;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.motcua.calendar.WorkingCalendar;
import org.motcua.common.MotcuaZone;
import org.springframework.stereotype.Component;

/**
 * Makes the process engine count due dates in working time (thời gian làm việc) of the office calendar.
 *
 * <p>The engine looks calendars up by name: {@code dueDate} for user-task {@code camunda:dueDate} and
 * {@code camunda:followUpDate} and for timer {@code timeDate}, {@code duration} for timer {@code timeDuration},
 * {@code cycle} for {@code timeCycle}. The first two count through {@link WorkingTimeBusinessCalendar}; cycles keep
 * the engine's calendar, as a repeating reminder is wall-clock time. The Camunda Spring Boot starter adds every
 * {@code ProcessEnginePlugin} bean to the engine, and the engine only builds its default manager when none is set.
 */
@Component
class WorkingCalendarEnginePlugin extends SpringProcessEnginePlugin {

  private final WorkingCalendar calendar;
  private final MotcuaZone zone;

  WorkingCalendarEnginePlugin(WorkingCalendar calendar, MotcuaZone zone) {
    this.calendar = calendar;
    this.zone = zone;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBusinessCalendarManager(businessCalendars());
  }

  BusinessCalendarManager businessCalendars() {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingTimeBusinessCalendar(calendar, zone.id(), new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new WorkingTimeBusinessCalendar(calendar, zone.id(), new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    return calendars;
  }
}
