package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Remembered password checks never accept what BCrypt would refuse. */
class VerifiedPasswordsTest {

  private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final MovableClock clock = new MovableClock();
  private final VerifiedPasswords encoder = new VerifiedPasswords(bcrypt, Duration.ofMinutes(5), clock);

  @Test
  void aGoodPasswordIsRememberedAndAWrongOneNeverIs() {
    String hash = encoder.encode("demo");
    assertThat(hash).startsWith("{bcrypt}");
    assertThat(encoder.matches("wrong", hash)).isFalse();
    assertThat(encoder.size()).isZero();
    assertThat(encoder.matches("demo", hash)).isTrue();
    assertThat(encoder.size()).isEqualTo(1);
    assertThat(encoder.matches("demo", hash)).isTrue();
    assertThat(encoder.matches("Demo", hash)).isFalse();
    assertThat(encoder.matches("demo" + "\0", hash)).isFalse();
  }

  @Test
  void aChangedHashIsAMissAtOnce() {
    String old = encoder.encode("demo");
    assertThat(encoder.matches("demo", old)).isTrue();
    String changed = encoder.encode("new-secret");
    assertThat(encoder.matches("demo", changed)).isFalse();
    assertThat(encoder.matches("new-secret", changed)).isTrue();
  }

  @Test
  void anEntryExpires() {
    String hash = encoder.encode("demo");
    assertThat(encoder.matches("demo", hash)).isTrue();
    clock.advance(Duration.ofMinutes(6));
    // Expired: checked again with BCrypt (still right), remembered again.
    assertThat(encoder.matches("demo", hash)).isTrue();
    assertThat(encoder.size()).isEqualTo(1);
  }

  @Test
  void zeroTtlRemembersNothing() {
    VerifiedPasswords off = new VerifiedPasswords(bcrypt, Duration.ZERO, clock);
    String hash = off.encode("demo");
    assertThat(off.matches("demo", hash)).isTrue();
    assertThat(off.size()).isZero();
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
