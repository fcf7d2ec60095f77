package io.github.flexmedia.spring.properties;

/** One endpoint: off by default, on a configurable path. */
public class EndpointProperties {
  /** Whether the endpoint is registered. */
  private boolean enabled;
  /** The servlet path the endpoint answers on. */
  private String path;

  /** Creates an endpoint setting with no path (Spring's binder and metadata need this one). */
  public EndpointProperties() {}

  /**
   * Creates an endpoint setting.
   *
   * @param path the default path
   */
  public EndpointProperties(String path) {
    this.path = path;
  }

  /**
   * Whether the endpoint is registered.
   *
   * @return whether the endpoint is on (false by default)
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Switches the endpoint on or off.
   *
   * @param enabled whether the endpoint is registered
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The path the endpoint answers on.
   *
   * @return the path, starting with a slash
   */
  public String getPath() {
    return path;
  }

  /**
   * Sets the path the endpoint answers on.
   *
   * @param path the path, starting with a slash
   */
  public void setPath(String path) {
    this.path = path;
  }
}
