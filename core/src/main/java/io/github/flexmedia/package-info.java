/**
 * flex-media core: Twilio Flex custom media as typed values.
 *
 * <p>Build links with the {@link io.github.flexmedia.MediaLink} factories, group them in {@link
 * io.github.flexmedia.MediaAttributes} (task level and per reservation), then merge them into a
 * task's attributes with {@link io.github.flexmedia.MediaAttributes#mergeInto(String,
 * io.github.flexmedia.MergeMode)}, read them back with {@link
 * io.github.flexmedia.MediaAttributes#fromTaskAttributes(String)}, and check Flex's display rules
 * with {@link io.github.flexmedia.MediaAttributes#lint()}. {@link io.github.flexmedia.MediaPolicy}
 * says which links are acceptable; {@link io.github.flexmedia.EmbeddingCheck} and {@link
 * io.github.flexmedia.MediaPreview} show what Flex will make of them before it does.
 */
package io.github.flexmedia;
