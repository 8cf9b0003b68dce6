package org.motcua.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** A clock the tests set by hand; it moves the process engine's clock with it, so both agree on "now". */
public class TestClock extends Clock {

  private final ZoneId zone;
  private volatile Instant now;

  public TestClock(ZoneId zone) {
    this.zone = zone;
    this.now = Instant.now();
  }

  public void set(LocalDateTime localTime) {
    now = localTime.atZone(zone).toInstant();
    ClockUtil.setCurrentTime(Date.from(now));
  }

  public void reset() {
    now = Instant.now();
    ClockUtil.reset();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return now;
  }
}
