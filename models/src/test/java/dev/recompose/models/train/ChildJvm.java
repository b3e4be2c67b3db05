package dev.recompose.models.train;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM on this test's class path and SIGKILLs it at a given output
 * line: the kill half of the resume tests (sequential and CTR trainers).
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * Starts {@code main} with {@code args}, reads its output until a line starts with
   * {@code killAt}, kills it forcibly (SIGKILL on POSIX) and returns the lines seen; fails when
   * the child exits on its own first.
   */
  public static List<String> killAt(Class<?> main, List<String> args, String killAt)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        main.getName()));
    cmd.addAll(args);
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> seen = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        seen.add(line);
        if (line.startsWith(killAt)) {
          child.destroyForcibly();
          break;
        }
      }
    }
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
    assertNotEquals(0, child.exitValue(), "the child finished before it was killed: " + seen);
    return seen;
  }
}
