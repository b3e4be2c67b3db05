package dev.recompose.models.train;

import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.formats.MovieLens100kImporter;
import dev.recompose.data.split.Splits;
import dev.recompose.data.store.Dataset;
import dev.recompose.models.recipe.Recipe;
import dev.recompose.models.recipe.Recipes;
import dev.recompose.models.seq.SequenceData;
import dev.recompose.models.seq.nn.SeqModels;
import dev.recompose.tensor.Parallel;
import dev.recompose.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Speed harness for the real SASRec training step on ml-100k (a main class, not a test): the
 * trainer's step (loss, backward, Adam) timed over whole epochs, without validation.
 *
 * <p>{@code java ... dev.recompose.models.train.SasRecSpeedBench DATA_DIR THREADS EPOCHS [key=value ...]}
 * where DATA_DIR is created from {@code ../shared/data/ml-100k} (import + leave-one-out split)
 * when absent. Prints one JSON line per epoch: seconds, steps/s, mean loss, MiB allocated per step.
 */
public final class SasRecSpeedBench {
  private SasRecSpeedBench() {}

  private static long cpu() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    if (!Files.exists(data.resolve("manifest.json"))) {
      Path src = Path.of(System.getProperty("recompose.shared.data", "../shared/data"))
          .resolve("ml-100k");
      new MovieLens100kImporter().run(ImportRequest.of(src, data));
      Splits.apply(Dataset.open(data), "leave-one-out", Map.of(), 42);
    }
    Map<String, String> o = new java.util.LinkedHashMap<>();
    o.put("max_len", "50");
    o.put("dropout", "0.5");
    o.put("threads", Integer.toString(threads));
    o.putAll(Recipes.overrides(Arrays.asList(args).subList(3, args.length)));
    Recipe recipe = Recipes.load("sasrec").with(o);
    SequenceData seq = SequenceData.load(Dataset.open(data));
    Trainable net = SeqModels.create(recipe, seq);
    TrainConfig cfg = TrainConfig.from(recipe);
    Parallel.setThreads(threads);
    ResumableAdam opt = new ResumableAdam(net.module().parameters(), cfg.lr(), cfg.beta1(),
        cfg.beta2(), cfg.eps(), cfg.weightDecay(), cfg.decoupled());
    var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean();
    long tid = Thread.currentThread().threadId();
    int n = net.numExamples();
    int bs = cfg.batchSize();
    int per = (n + bs - 1) / bs;
    long step = 0;
    net.module().train();
    for (int e = 0; e < epochs; e++) {
      int[] order = Seeds.permutation(n, Seeds.epoch(cfg.seed(), e));
      long t0 = System.nanoTime();
      long a0 = mx.getThreadAllocatedBytes(tid);
      long c0 = cpu();
      double loss = 0;
      for (int b = 0; b < per; b++) {
        int[] batch = Arrays.copyOfRange(order, b * bs, Math.min(n, (b + 1) * bs));
        opt.zeroGrad();
        Tensor l = net.loss(batch, Seeds.step(cfg.seed(), step++));
        loss += l.item();
        l.backward();
        opt.step();
        if (Boolean.getBoolean("bench.steps")) {
          System.out.printf(Locale.ROOT, "step %d %.3f%n", step, (System.nanoTime() - t0) / 1e9);
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpuS = (cpu() - c0) / 1e9;
      double mib = (mx.getThreadAllocatedBytes(tid) - a0) / 1048576.0 / per;
      System.out.printf(Locale.ROOT, "{\"epoch\":%d,\"threads\":%d,\"seconds\":%.3f,"
          + "\"cpu_seconds\":%.3f,\"steps_per_s\":%.2f,\"loss\":%.4f,\"alloc_mib_per_step\":%.1f,\"loadavg\":%.2f}%n",
          e + 1, threads, s, cpuS, per / s, loss / per, mib,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean()
              .getSystemLoadAverage());
    }
  }
}
