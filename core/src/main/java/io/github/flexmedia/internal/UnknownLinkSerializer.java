package io.github.flexmedia.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.flexmedia.MediaLink;
import java.io.IOException;

/** Writes an unrecognised link back exactly as it was read: it already carries its own type. */
public final class UnknownLinkSerializer extends StdSerializer<MediaLink.Unknown> {
  private static final long serialVersionUID = 1L;

  /** Used by Jackson. */
  public UnknownLinkSerializer() {
    super(MediaLink.Unknown.class);
  }

  @Override
  public void serialize(MediaLink.Unknown value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeTree(Json.parseTrusted(value.json()));
  }

  @Override
  public void serializeWithType(
      MediaLink.Unknown value, JsonGenerator gen, SerializerProvider provider, TypeSerializer ts)
      throws IOException {
    serialize(value, gen, provider);
  }
}
