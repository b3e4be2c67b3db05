package dev.recompose.models.ctr;

import dev.recompose.data.store.Dataset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A child JVM for {@link CtrResumeTest}: trains CTR recipe {@code args[2]} on dataset
 * {@code args[0]} into run directory {@code args[1]} with {@code key=value} overrides from the
 * remaining arguments, printing each epoch line and, after each checkpoint, {@code checkpoint
 * EPOCH STEP/STEPS}, so the parent knows when to kill it. It idles 20 ms after each mid-epoch
 * checkpoint, so that a kill after one lands before its epoch ends.
 */
public final class CtrTrainChild {
  private CtrTrainChild() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      o.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    CtrRun.trainInto(Dataset.open(Path.of(args[0])), CtrRecipe.load(args[2]).with(o),
        Path.of(args[1]), line -> {
          System.out.println(line);
          System.out.flush();
        }, (epoch, step, steps) -> {
          System.out.println("checkpoint " + epoch + " " + step + "/" + steps);
          System.out.flush();
          if (step < steps) {
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return false;
        });
    System.out.println("done");
  }
}
