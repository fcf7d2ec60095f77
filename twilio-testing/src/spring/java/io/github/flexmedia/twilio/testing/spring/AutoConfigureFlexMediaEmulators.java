package io.github.flexmedia.twilio.testing.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Runs a Spring Boot test (or a local run from the test class path) against the emulators
 * instead of Twilio: {@link FlexMediaEmulatorsAutoConfiguration} starts a {@link
 * io.github.flexmedia.twilio.testing.LocalTaskRouterServer} and a {@link
 * io.github.flexmedia.twilio.testing.FlexTokenEmulator}, and gives flex-media-spring-boot-starter
 * their credentials as {@code flex-media.twilio.*} properties; the starter routes its own client
 * to them. So no real credential is needed, and the test runs the client, credential check,
 * verifier and validator that production runs: only the hosts differ. Put it on a {@code @SpringBootTest} class, or on the
 * {@code @TestConfiguration} a test-class-path {@code main} adds with {@code
 * SpringApplication.from(MyApplication::main).with(...)}:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * @AutoConfigureFlexMediaEmulators
 * class RecordingsTest {
 *   @Autowired LocalTaskRouterServer taskRouter;   // seed tasks, read them back
 *   @Autowired FlexTokenEmulator flexTokens;       // issue("sup@example.com", "supervisor")
 * }
 * }</pre>
 *
 * <p>It lives in the testing artifact, which belongs in test scope: it is active only where that
 * artifact is on the class path and only where this annotation asks for it (the class it imports
 * is listed in {@code META-INF/spring/<this annotation's name>.imports}, as Spring Boot's own
 * {@code @AutoConfigure…} annotations do).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureFlexMediaEmulators {}
