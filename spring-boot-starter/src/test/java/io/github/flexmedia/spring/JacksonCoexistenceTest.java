package io.github.flexmedia.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flexmedia.MediaAttributes;
import io.github.flexmedia.MediaLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Spring Boot 4's web layer maps JSON with Jackson 3 ({@code tools.jackson}); flex-media keeps
 * Jackson 2 ({@code com.fasterxml.jackson}) inside. Different packages, so both load in one
 * application and each does its own job. (Boot 3.5 has no Jackson 3: the build skips this class
 * there.)
 */
@SpringBootTest(classes = EmulatorTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("e2e")
class JacksonCoexistenceTest {

  @Autowired
  tools.jackson.databind.json.JsonMapper webMapper;

  @Test
  void theWebLayersJackson3AndTheLibrarysJackson2WorkSideBySide() {
    assertThat(tools.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion()).isEqualTo(3);
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).isEqualTo("2.23.0");

    MediaAttributes media = MediaAttributes.builder()
        .media(MediaLink.referenced("https://crm.example.com/t/7", "Ticket 7")).build();
    // The library writes its JSON with Jackson 2; the web layer's Jackson 3 reads it back.
    String written = media.toJson();
    assertThat(webMapper.readTree(written).at("/conversations/media/0/type").asString())
        .isEqualTo("Referenced");
    // And a document Jackson 3 wrote is one the library reads.
    String byJackson3 = webMapper.writeValueAsString(webMapper.readTree(written));
    assertThat(MediaAttributes.fromTaskAttributes(byJackson3)).isEqualTo(media);
  }
}
