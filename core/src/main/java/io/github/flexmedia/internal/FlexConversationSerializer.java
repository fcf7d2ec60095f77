package io.github.flexmedia.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.flexmedia.MediaLink;
import java.io.IOException;

/** Writes Flex's own transcript entry as Flex writes it: no {@code type}. */
public final class FlexConversationSerializer extends StdSerializer<MediaLink.FlexConversation> {
  private static final long serialVersionUID = 1L;

  /** Used by Jackson. */
  public FlexConversationSerializer() {
    super(MediaLink.FlexConversation.class);
  }

  @Override
  public void serialize(
      MediaLink.FlexConversation value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField(LinkCodec.CONVERSATION_SID, value.conversationSid());
    gen.writeEndObject();
  }

  @Override
  public void serializeWithType(
      MediaLink.FlexConversation value,
      JsonGenerator gen,
      SerializerProvider provider,
      TypeSerializer ts)
      throws IOException {
    serialize(value, gen, provider);
  }
}
