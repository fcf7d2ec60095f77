package io.github.flexmedia.twilio.playback;

import io.github.flexmedia.twilio.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FlexTokenValidator} that remembers valid results, made by {@link
 * FlexTokenValidator#cached}. A player asks for the same recording several times (seeking,
 * reloading), and each question would otherwise cost a round trip to Twilio.
 *
 * <p>A result is used until the earlier of the token's own {@code expiration} and {@code maxAge}
 * after it was fetched, and never at or after the expiration; a result without an expiration is
 * not kept. Refusals and errors are never cached. At most {@code maxEntries} users are kept, least
 * recently used leaving first. Tokens are kept only as SHA-256 digests. {@link #hits()} and
 * {@link #misses()} count the calls answered from the cache and those passed on. Thread-safe.
 */
public final class CachingFlexTokenValidator implements FlexTokenValidator {
  private final FlexTokenValidator delegate;
  private final int maxEntries;
  private final Duration maxAge;
  private final Clock clock;
  private final Map<String, Entry> entries;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  CachingFlexTokenValidator(FlexTokenValidator delegate, int maxEntries, Duration maxAge, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (maxEntries < 1) {
      throw new ConfigurationException("maxEntries", "must be at least 1");
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new ConfigurationException("maxAge", "must be positive");
    }
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > CachingFlexTokenValidator.this.maxEntries;
      }
    };
  }

  @Override
  public FlexUser validate(String token) {
    if (token == null || token.isBlank()) {
      return delegate.validate(token);
    }
    String key = digest(token);
    Instant now = clock.instant();
    synchronized (entries) {
      Entry e = entries.get(key);
      if (e != null && now.isBefore(e.until)) {
        hits.incrementAndGet();
        return e.user;
      }
      if (e != null) {
        entries.remove(key);
      }
    }
    misses.incrementAndGet();
    FlexUser user = delegate.validate(token);
    Instant fetched = clock.instant();
    if (user.expiration() != null && fetched.isBefore(user.expiration())) {
      Instant until = fetched.plus(maxAge);
      if (user.expiration().isBefore(until)) {
        until = user.expiration();
      }
      synchronized (entries) {
        entries.put(key, new Entry(user, until));
      }
    }
    return user;
  }

  /**
   * Calls answered from the cache.
   *
   * @return the count since creation
   */
  public long hits() {
    return hits.get();
  }

  /**
   * Calls passed on to the delegate (refusals and errors included).
   *
   * @return the count since creation
   */
  public long misses() {
    return misses.get();
  }

  /**
   * Users held now (expired ones leave when next asked for, or when pushed out).
   *
   * @return the number of entries
   */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Forgets every result, e.g. after roles changed. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "CachingFlexTokenValidator[size=" + size() + ", max=" + maxEntries + ", maxAge=" + maxAge
        + ", hits=" + hits() + ", misses=" + misses() + ", delegate=" + delegate + "]";
  }

  private static final class Entry {
    final FlexUser user;
    final Instant until;

    Entry(FlexUser user, Instant until) {
      this.user = user;
      this.until = until;
    }
  }
}
