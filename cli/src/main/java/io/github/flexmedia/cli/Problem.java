package io.github.flexmedia.cli;

import io.github.flexmedia.MediaWarning;

/**
 * One finding about a document, printed as {@code CODE path message}.
 *
 * @param code a stable code: a {@link MediaWarning.Code} name, or {@code MALFORMED_ATTRIBUTES} /
 *     {@code DOCUMENT_TOO_LARGE}
 * @param path where it is, e.g. {@code conversations.media[1]}; {@code $} for the whole document
 * @param message for people, never a value from the document
 * @param invalid whether it makes the document invalid (exit 1), rather than a warning
 */
record Problem(String code, String path, String message, boolean invalid) {
  /** The codes that make a document invalid; every other lint code is a warning. */
  static boolean isInvalid(MediaWarning.Code code) {
    return code == MediaWarning.Code.INVALID_LINK || code == MediaWarning.Code.ATTRIBUTES_TOO_LARGE;
  }

  static Problem of(MediaWarning w) {
    return new Problem(w.code().name(), w.path(), w.message(), isInvalid(w.code()));
  }

  String line() {
    return code + " " + path + " " + message;
  }
}
