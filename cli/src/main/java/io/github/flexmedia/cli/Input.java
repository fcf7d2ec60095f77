package io.github.flexmedia.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a document from a file, or from standard input when the name is {@code -}. */
final class Input {
  /** Four times what 4096 characters can weigh in UTF-8: a larger input is not a task's attributes. */
  static final int MAX_BYTES = 4 * 4096 * 4;

  private Input() {}

  private static UnreadableException tooLarge() {
    return new UnreadableException(new Problem("DOCUMENT_TOO_LARGE", "$",
        "the input is over " + MAX_BYTES + " bytes, far over TaskRouter's 4096-character limit", true));
  }

  static String read(String name, InputStream stdin) {
    byte[] bytes;
    try {
      if (name.equals("-")) {
        bytes = stdin.readNBytes(MAX_BYTES + 1);
      } else {
        Path path = Path.of(name);
        if (Files.size(path) > MAX_BYTES) {
          throw tooLarge();
        }
        bytes = Files.readAllBytes(path);
      }
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + name);
    } catch (IOException e) {
      throw new UsageException("cannot read " + name + " (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge();
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableException(new Problem("MALFORMED_ATTRIBUTES", "$",
          "the input is not UTF-8 text", true));
    }
  }

  /** The input cannot be a task's attributes: refused before it is parsed. */
  static final class UnreadableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    UnreadableException(Problem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }
}
