package org.motcua.common;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The time zone in which every local date and time of the service is read (Vietnam: Asia/Ho_Chi_Minh). */
@ConfigurationProperties("motcua.zone")
public record MotcuaZone(ZoneId id) {

  public MotcuaZone {
    if (id == null) {
      id = ZoneId.of("Asia/Ho_Chi_Minh");
    }
  }
}
