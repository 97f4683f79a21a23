package io.snapif.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code snapif --version}: the version of the build (Maven's project version, written into
 * {@code version.properties} when the resources are copied) and the snapd release it follows.
 */
final class BuildVersion implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    Properties p = properties();
    return new String[] {
      "snapif " + p.getProperty("version"),
      "snapd  " + p.getProperty("snapd") + " (the behaviour snapif follows)"
    };
  }

  static Properties properties() {
    Properties p = new Properties();
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
