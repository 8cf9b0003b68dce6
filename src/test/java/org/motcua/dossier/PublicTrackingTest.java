package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.common.ApiException;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Public tracking by code and the phone's last four digits: the right answer shows the dossier, and after five
 * wrong answers from one address the code is locked for that address for fifteen minutes, even for the right
 * digits, so they cannot be guessed (concurrency and the other counters: {@link TrackingThrottleTest}).
 */
@MotcuaTest
class PublicTrackingTest {

  private static final String GUESSER = "203.0.113.7";

  @Autowired
  Api api;
  @Autowired
  FollowDossier dossiers;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void wrongDigitsLockTheCodeForAWhile() {
    clock.set(LocalDateTime.of(2026, 6, 1, 9, 0));
    String code = new Dossiers(api).submit("citizen", "2.000488.000.00.12.H13"); // phone 0912345678
    String other = new Dossiers(api).submit("citizen", "2.000488.000.00.12.H13");
    assertThat(dossiers.track(code, "5678", GUESSER)).map(Dossier::getCode).contains(code);

    for (int guess = 0; guess < 5; guess++) {
      assertThat(dossiers.track(code, String.format("%04d", guess), GUESSER)).isEmpty();
    }
    assertThatThrownBy(() -> dossiers.track(code, "5678", GUESSER)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
      assertThat(e.code()).isEqualTo("TRACKING_LOCKED");
    });
    // The citizen, elsewhere, still tracks the dossier; another dossier is not affected; an unknown code locks the
    // same way, so a lock reveals nothing.
    assertThat(dossiers.track(code, "5678", "198.51.100.20")).isPresent();
    assertThat(dossiers.track(other, "5678", GUESSER)).isPresent();
    for (int guess = 0; guess < 5; guess++) {
      assertThat(dossiers.track("000.00.12.H13-260601-9999", "5678", GUESSER)).isEmpty();
    }
    assertThatThrownBy(() -> dossiers.track("000.00.12.H13-260601-9999", "5678", GUESSER))
        .isInstanceOf(ApiException.class);

    clock.set(LocalDateTime.of(2026, 6, 1, 9, 16));
    assertThat(dossiers.track(code, "5678", GUESSER)).isPresent();
  }
}
