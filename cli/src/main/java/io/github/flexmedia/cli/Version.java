package io.github.flexmedia.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the jar's, as Maven built it. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = FlexMediaCli.class.getPackage().getImplementationVersion();
    return new String[] {"flex-media " + (version == null ? "(development build)" : version)};
  }
}
