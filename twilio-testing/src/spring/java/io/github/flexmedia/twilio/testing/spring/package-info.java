/**
 * Spring Boot test support: {@link
 * io.github.flexmedia.twilio.testing.spring.AutoConfigureFlexMediaEmulators} runs an application
 * on flex-media-spring-boot-starter against the emulators. Needs Spring Boot on the class path
 * (an optional dependency of this artifact).
 */
package io.github.flexmedia.twilio.testing.spring;
