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
 * wrong answers the code is locked for fifteen minutes, even for the right digits, so they cannot be guessed.
 */
@MotcuaTest
class PublicTrackingTest {

  @Autowired
  Api api;
  @Autowired
  DossierService dossiers;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void wrongDigitsLockTheCodeForAWhile() {
    clock.set(LocalDateTime.of(2026, 6, 1, 9, 0));
    String code = new Dossiers(api).submit("citizen", "2.000488.000.00.12.H30"); // phone 0912345678
    String other = new Dossiers(api).submit("citizen", "2.000488.000.00.12.H30");
    assertThat(dossiers.track(code, "5678")).map(Dossier::getCode).contains(code);

    for (int guess = 0; guess < 5; guess++) {
      assertThat(dossiers.track(code, String.format("%04d", guess))).isEmpty();
    }
    assertThatThrownBy(() -> dossiers.track(code, "5678")).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
      assertThat(e.code()).isEqualTo("TRACKING_LOCKED");
    });
    // Another dossier is not affected; an unknown code locks the same way, so a lock reveals nothing.
    assertThat(dossiers.track(other, "5678")).isPresent();
    for (int guess = 0; guess < 5; guess++) {
      assertThat(dossiers.track("000.00.12.H30-260601-9999", "5678")).isEmpty();
    }
    assertThatThrownBy(() -> dossiers.track("000.00.12.H30-260601-9999", "5678")).isInstanceOf(ApiException.class);

    clock.set(LocalDateTime.of(2026, 6, 1, 9, 16));
    assertThat(dossiers.track(code, "5678")).isPresent();
  }
}
