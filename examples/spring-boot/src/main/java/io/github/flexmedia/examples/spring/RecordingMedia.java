package io.github.flexmedia.examples.spring;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.spring.RecordingCallbackMedia;
import io.github.flexmedia.spring.UrlProviderLinks;
import io.github.flexmedia.twilio.playback.RecordingResolver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two beans an application writes for recordings. A completed recording goes on its task as a
 * {@code VoiceRecording} that plays through this service's {@code url_provider} endpoint (so only
 * Flex users with the right role hear it), and the endpoint answers with a short-lived signed URL
 * of the service's own storage.
 */
@Configuration(proxyBeanMethods = false)
class RecordingMedia {

  /**
   * Which media a recording status callback puts on its task: a completed recording, playing
   * through this service's url_provider endpoint ({@code flex-media.webhooks.public-url} and the
   * endpoint's path, from the starter's {@link UrlProviderLinks}).
   */
  @Bean
  RecordingCallbackMedia recordingsViaUrlProvider(UrlProviderLinks links) {
    return callback -> callback.isCompleted()
        ? Optional.of(MediaAttributes.builder().media(links.recording(callback)).build())
        : Optional.empty();
  }

  /** Where the player fetches the audio: a URL of the service's storage, signed for 5 minutes. */
  @Bean
  RecordingResolver signedStorageUrls(
      @Value("${example.storage-url}") String storageUrl,
      @Value("${example.storage-signing-key}") String signingKey) {
    Clock clock = Clock.systemUTC();
    return (recordingId, user) -> {
      if (!recordingId.startsWith("RE")) {
        return Optional.empty();
      }
      long expires = clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond();
      String path = "/recordings/" + recordingId + ".wav";
      return Optional.of(storageUrl + path + "?expires=" + expires
          + "&sig=" + hmac(signingKey, path + expires));
    };
  }

  private static String hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
