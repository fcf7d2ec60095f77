package io.github.flexmedia.twilio.internal.playback;

import io.github.flexmedia.twilio.ConfigurationException;
import io.github.flexmedia.twilio.TaskRouterException;
import io.github.flexmedia.twilio.playback.FlexTokenValidator;
import io.github.flexmedia.twilio.playback.FlexUser;
import io.github.flexmedia.twilio.playback.InvalidFlexTokenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FlexTokenValidator} that protects the validation budget, made by {@link
 * FlexTokenValidator#cached}. A player asks for the same recording several times (seeking,
 * reloading), and each question would otherwise cost a round trip to Twilio.
 *
 * <p>A valid result is used until the earlier of the token's own {@code expiration} and {@code
 * maxAge} after it was fetched, and never at or after the expiration; a result without an
 * expiration is not kept. A refusal ({@link InvalidFlexTokenException}) is kept for the shorter
 * of {@code maxAge} and {@link #REFUSAL_MAX_AGE}: a refused token does not become valid, and
 * replaying one must not cost a call each time. Failures to check ({@link TaskRouterException})
 * are never kept. Concurrent first uses of one token share one call to the delegate. At most
 * {@code maxEntries} valid results and as many refusals are kept, least recently used leaving
 * first. Tokens are kept only as SHA-256 digests. {@link #hits()} and {@link #misses()} count the
 * calls answered without the delegate and those passed on. Thread-safe.
 */
public final class CachingFlexTokenValidator implements FlexTokenValidator {
  /** The longest a refusal is remembered: 30 seconds. */
  public static final Duration REFUSAL_MAX_AGE = Duration.ofSeconds(30);

  private final FlexTokenValidator delegate;
  private final int maxEntries;
  private final Duration maxAge;
  private final Duration refusalMaxAge;
  private final Clock clock;
  private final Map<String, Entry> entries;
  private final Map<String, Refusal> refusals;
  private final Map<String, CompletableFuture<FlexUser>> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public CachingFlexTokenValidator(FlexTokenValidator delegate, int maxEntries, Duration maxAge, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (maxEntries < 1) {
      throw new ConfigurationException("maxEntries", "must be at least 1");
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new ConfigurationException("maxAge", "must be positive");
    }
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
    this.refusalMaxAge = maxAge.compareTo(REFUSAL_MAX_AGE) < 0 ? maxAge : REFUSAL_MAX_AGE;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.entries = lru(maxEntries);
    this.refusals = lru(maxEntries);
  }

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  @Override
  public FlexUser validate(String token) {
    if (token == null || token.isBlank()) {
      return delegate.validate(token);
    }
    String key = FlexTokens.digest(token);
    FlexUser known = remembered(key);
    if (known != null) {
      hits.incrementAndGet();
      return known;
    }
    CompletableFuture<FlexUser> mine = new CompletableFuture<>();
    CompletableFuture<FlexUser> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      hits.incrementAndGet();
      return await(running);
    }
    try {
      // The call that just finished stored its result before leaving inFlight: look again.
      known = remembered(key);
      if (known != null) {
        hits.incrementAndGet();
        mine.complete(known);
        return known;
      }
      misses.incrementAndGet();
      FlexUser user = delegate.validate(token);
      remember(key, user);
      mine.complete(user);
      return user;
    } catch (InvalidFlexTokenException e) {
      synchronized (entries) {
        refusals.put(key, new Refusal(e.code(), clock.instant().plus(refusalMaxAge)));
      }
      mine.completeExceptionally(e);
      throw e;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** The valid user for {@code key}, or {@code null}; throws a remembered refusal. */
  private FlexUser remembered(String key) {
    Instant now = clock.instant();
    synchronized (entries) {
      Entry e = entries.get(key);
      if (e != null && now.isBefore(e.until)) {
        return e.user;
      }
      if (e != null) {
        entries.remove(key);
      }
      Refusal r = refusals.get(key);
      if (r != null && now.isBefore(r.until)) {
        hits.incrementAndGet();
        throw new InvalidFlexTokenException(r.code);
      }
      if (r != null) {
        refusals.remove(key);
      }
    }
    return null;
  }

  private void remember(String key, FlexUser user) {
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
  }

  private static FlexUser await(CompletableFuture<FlexUser> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidFlexTokenException) {
        throw new InvalidFlexTokenException(((InvalidFlexTokenException) cause).code());
      }
      if (cause instanceof TaskRouterException) {
        // this caller's own exception (and stack), of the shared call's kind
        TaskRouterException u = (TaskRouterException) cause;
        throw u.kind() == TaskRouterException.Kind.INTERRUPTED
            ? TaskRouterException.interrupted(u.getMessage(), false, u)
            : new TaskRouterException(u.kind(), u.getMessage(), u.statusCode(), u.errorCode(),
                u.retryAfter().orElse(null), u);
      }
      throw new TaskRouterException(TaskRouterException.Kind.LOCAL_FAILURE,
          "token validation failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName()),
          0, 0, null, cause);
    }
  }

  /**
   * Calls answered without a call of their own: from the cache, from a remembered refusal, or by
   * sharing a concurrent call.
   *
   * @return the count since creation
   */
  public long hits() {
    return hits.get();
  }

  /**
   * Calls passed on to the delegate (refusals and errors included; a call shared by concurrent
   * first uses counts once).
   *
   * @return the count since creation
   */
  public long misses() {
    return misses.get();
  }

  /**
   * Valid users held now (expired ones leave when next asked for, or when pushed out).
   *
   * @return the number of entries
   */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Forgets every result and refusal, e.g. after roles changed. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
      refusals.clear();
    }
  }

  @Override
  public String toString() {
    return "CachingFlexTokenValidator[size=" + size() + ", max=" + maxEntries + ", maxAge=" + maxAge
        + ", hits=" + hits() + ", misses=" + misses() + ", delegate=" + delegate + "]";
  }

  private static final class Refusal {
    final int code;
    final Instant until;

    Refusal(int code, Instant until) {
      this.code = code;
      this.until = until;
    }
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
