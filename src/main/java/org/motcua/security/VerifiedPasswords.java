package org.motcua.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The API authenticates every call with HTTP Basic, and checking a BCrypt hash costs tens of milliseconds of CPU
 * by design. This encoder remembers, for a few minutes, that a password matched a stored hash, so a client making
 * many calls pays BCrypt once per period instead of once per call.
 *
 * <p>What it keeps is safe to keep: an HMAC-SHA256, under a random key that lives only in this process's memory, of
 * the stored hash and the password, never the password. Only successful checks are remembered, so a wrong
 * password always goes through BCrypt. The stored hash is part of the key, so a changed password or hash is a miss
 * at once, on every node; the account itself (enabled, role) is still read from the database at every call.
 */
final class VerifiedPasswords implements PasswordEncoder {

  private static final int MAX_ENTRIES = 10_000;

  private final PasswordEncoder delegate;
  private final Duration ttl;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

  VerifiedPasswords(PasswordEncoder delegate, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null || ttl.isZero()) {
      return delegate.matches(rawPassword, encodedPassword);
    }
    String fingerprint = fingerprint(rawPassword, encodedPassword);
    long now = clock.millis();
    Long until = verifiedUntil.get(fingerprint);
    if (until != null && until > now) {
      return true;
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      if (verifiedUntil.size() >= MAX_ENTRIES) {
        verifiedUntil.values().removeIf(t -> t <= now);
        if (verifiedUntil.size() >= MAX_ENTRIES) {
          verifiedUntil.clear();
        }
      }
      verifiedUntil.put(fingerprint, now + ttl.toMillis());
    } else if (until != null) {
      verifiedUntil.remove(fingerprint);
    }
    return matches;
  }

  /**
   * Whether this password was checked against this hash recently and matched, without checking it again: the
   * sign-in throttle lets such a call through without counting it (a guess is never remembered).
   */
  boolean remembers(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null || ttl.isZero()) {
      return false;
    }
    Long until = verifiedUntil.get(fingerprint(rawPassword, encodedPassword));
    return until != null && until > clock.millis();
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  int size() {
    return verifiedUntil.size();
  }

  private String fingerprint(CharSequence rawPassword, String encodedPassword) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
