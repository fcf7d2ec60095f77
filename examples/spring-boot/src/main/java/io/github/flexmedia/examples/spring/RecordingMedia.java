package io.github.flexmedia.examples.spring;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import io.github.flexmedia.spring.RecordingCallbackMedia;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bean an application writes for recordings: which media a recording status callback puts on
 * its task. Here, the recording itself (dual-channel recordings get Flex's customer and others
 * channels) and the call's page in the CRM.
 */
@Configuration(proxyBeanMethods = false)
class RecordingMedia {

  @Bean
  RecordingCallbackMedia recordingAndCrmCall(@Value("${example.crm-base-url}") String crm) {
    return callback -> callback.isCompleted()
        ? Optional.of(MediaAttributes.builder()
            .media(callback.toMediaLink(),
                MediaLink.referenced(crm + "/calls/" + callback.callSid(), "Call in CRM"))
            .build())
        : Optional.empty();
  }
}
