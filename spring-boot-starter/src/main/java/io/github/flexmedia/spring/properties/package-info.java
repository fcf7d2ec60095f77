/**
 * The {@code flex-media.*} configuration properties, one class per group; {@link
 * io.github.flexmedia.spring.properties.FlexMediaProperties} lists them.
 */
package io.github.flexmedia.spring.properties;
