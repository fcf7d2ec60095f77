package io.github.flexmedia;

/**
 * The root of every exception flex-media throws for bad input: a link, SID or value that breaks a
 * rule ({@link InvalidMediaException}), a task attributes document of the wrong shape ({@link
 * MalformedAttributesException}), and in the Twilio adapter a webhook request without a valid
 * signature ({@code WebhookSignatureException}) and a Flex token Twilio says is not valid ({@code
 * InvalidFlexTokenException}). It is one of flex-media's three roots: a call that failed is the
 * adapter's {@code TaskRouterException}, a setting that cannot work its {@code
 * ConfigurationException}.
 *
 * <p>It is an {@link IllegalArgumentException}, because every such failure is the caller's input:
 * code that already catches {@code IllegalArgumentException} keeps working, and code that wants
 * only this library's failures catches this type. Messages never contain a URL's path or query, a
 * title, or any value taken from a document.
 *
 * <pre>{@code
 * try {
 *   String merged = media.mergeInto(task.getAttributes(), MergeMode.APPEND);
 * } catch (FlexMediaException e) {
 *   log.warn("media not attached: {}", e.getMessage()); // safe to log
 * }
 * }</pre>
 */
public abstract class FlexMediaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; for flex-media's own modules, whose bad-input exceptions share this
   * root.
   *
   * @param message the whole message, free of URLs' paths, titles and document values
   */
  protected FlexMediaException(String message) {
    super(message);
  }

  /**
   * Where the problem is: the field or JSON path that broke a rule, e.g. {@code url}, {@code
   * conversations.media[2].title}, or {@code $} for a whole document.
   *
   * @return the field or JSON path of the problem
   */
  public abstract String where();
}
