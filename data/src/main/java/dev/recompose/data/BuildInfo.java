package dev.recompose.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of Recompose that is running, as written into manifests and results.
 *
 * <p>It exists so that every artefact names the code that produced it (provenance).
 */
public final class BuildInfo {
  private static final String VERSION = load();

  private BuildInfo() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
