package org.motcua.process.camunda;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.motcua.common.MotcuaZone;
import org.springframework.stereotype.Component;

/** Converts between motcua's local date-times and the engine's {@link Date} variables. */
@Component
class EngineValues {

  private final MotcuaZone zone;

  EngineValues(MotcuaZone zone) {
    this.zone = zone;
  }

  Map<String, Object> toEngine(Map<String, Object> variables) {
    Map<String, Object> converted = new HashMap<>();
    variables.forEach((name, value) -> converted.put(name, value instanceof LocalDateTime t ? toDate(t) : value));
    return converted;
  }

  Date toDate(LocalDateTime time) {
    return Date.from(time.atZone(zone.id()).toInstant());
  }

  LocalDateTime toLocal(Date date) {
    return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), zone.id());
  }
}
