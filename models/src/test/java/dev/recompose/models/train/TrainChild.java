package dev.recompose.models.train;

import dev.recompose.data.progress.ProgressFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A child JVM for {@link SigkillResumeTest}: trains recipe {@code args[2]} on dataset
 * {@code args[0]} into {@code args[1]} with {@code key=value} overrides from the remaining
 * arguments, printing each epoch line to stdout so the parent knows when to kill it.
 */
public final class TrainChild {
  private TrainChild() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      o.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    TrainJob.run(Path.of(args[0]), args[2], o, Path.of(args[1]), ProgressFactory.NONE, line -> {
      System.out.println(line);
      System.out.flush();
    });
    System.out.println("done");
  }
}
