package io.github.flexmedia.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.flexmedia.twilio.playback.RecordingResolver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A recordings store on loopback that serves a file only through an HMAC-signed, short-lived URL —
 * the way S3, GCS or Azure pre-signed URLs work — and the {@link RecordingResolver} that signs them.
 *
 * <p>URL: {@code http://127.0.0.1:PORT/media/{id}.wav?expires={epoch seconds}&sig={Base64url
 * HMAC-SHA256(key, id + "\n" + expires)}}. A wrong signature or a past expiry is 403.
 */
public final class SignedStorage implements AutoCloseable {
  private static final Pattern MEDIA = Pattern.compile("/media/([A-Za-z0-9_-]{1,128})\\.wav");

  private final byte[] key;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "signed-storage");
    t.setDaemon(true);
    return t;
  });

  private SignedStorage(byte[] key, Clock clock, Duration ttl) throws IOException {
    this.key = key.clone();
    this.clock = clock;
    this.ttl = ttl;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/media/", this::serve);
    server.start();
  }

  /**
   * Starts the store.
   *
   * @param key the HMAC key shared by the signer and the store
   * @param clock decides expiry
   * @param ttl how long a signed URL is valid
   * @return the running store
   */
  public static SignedStorage start(byte[] key, Clock clock, Duration ttl) {
    try {
      return new SignedStorage(key, clock, ttl);
    } catch (IOException e) {
      throw new IllegalStateException("could not bind a loopback port", e);
    }
  }

  /** Stores {@code audio} as recording {@code id}. */
  public SignedStorage put(String id, byte[] audio) {
    files.put(id, audio.clone());
    return this;
  }

  /** Signs URLs for stored recordings; empty for unknown ones. */
  public RecordingResolver resolver() {
    return (id, user) -> files.containsKey(id) ? Optional.of(sign(id)) : Optional.empty();
  }

  /** A signed URL for {@code id}, valid for the store's ttl from now. */
  public String sign(String id) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/media/" + id + ".wav?expires=" + expires
        + "&sig=" + signature(id, expires);
  }

  /** Files served. */
  public int served() {
    return served.get();
  }

  /** Requests refused (bad or expired signature, unknown file). */
  public int refused() {
    return refused.get();
  }

  private String signature(String id, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig = mac.doFinal((id + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher m = MEDIA.matcher(exchange.getRequestURI().getPath());
      Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
      byte[] file = m.matches() ? files.get(m.group(1)) : null;
      if (file == null || !valid(m.group(1), q.get("expires"), q.get("sig"))) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(403, -1);
        return;
      }
      served.incrementAndGet();
      exchange.getResponseHeaders().set("Content-Type", "audio/wav");
      exchange.getResponseHeaders().set("Cache-Control", "private, no-store");
      exchange.sendResponseHeaders(200, file.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(file);
      }
    }
  }

  private boolean valid(String id, String expires, String sig) {
    if (expires == null || sig == null || !expires.matches("[0-9]{1,12}")) {
      return false;
    }
    long at = Long.parseLong(expires);
    return clock.instant().getEpochSecond() < at && MessageDigest.isEqual(
        signature(id, at).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          q.putIfAbsent(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  /**
   * A short WAV: {@code millis} of a 440 Hz tone, 8 kHz mono 8-bit PCM.
   *
   * @param millis the length
   * @return the file's bytes
   */
  public static byte[] tone(int millis) {
    int samples = 8 * millis;
    ByteBuffer b = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples)
        .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples);
    for (int i = 0; i < samples; i++) {
      b.put((byte) (128 + 60 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
    }
    return b.array();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
