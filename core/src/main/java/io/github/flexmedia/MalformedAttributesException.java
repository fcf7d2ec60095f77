package io.github.flexmedia;

import java.util.Objects;

/**
 * A task attributes document cannot be read or merged: it is not JSON, not a JSON object, breaks
 * the parser's limits, or a part this library owns ({@code conversations}, {@code media}, a link,
 * {@code reservation_attributes}) has the wrong shape.
 *
 * <p>The message names the JSON {@linkplain #path() path} and the problem. It never repeats the
 * document or any of its values.
 */
public class MalformedAttributesException extends FlexMediaException {
  private static final long serialVersionUID = 1L;

  /** Where the problem is. */
  private final String path;

  /**
   * Creates the exception.
   *
   * @param path where the problem is, e.g. {@code conversations.media[1]}; {@code $} for the whole
   *     document
   * @param problem what is wrong there, without any value taken from the document
   */
  public MalformedAttributesException(String path, String problem) {
    super("task attributes " + path + ": " + problem);
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * The JSON path of the problem; {@code $} stands for the whole document.
   *
   * @return the JSON path of the problem
   */
  public String path() {
    return path;
  }

  /**
   * The JSON path; the same as {@link #path()}.
   *
   * @return the JSON path of the problem
   */
  @Override
  public String where() {
    return path;
  }
}
