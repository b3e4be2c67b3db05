package dev.recompose.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps model names to the {@link RunExecutor} that runs them.
 *
 * <p>It exists so that the spec parser can list valid model names and the runner can dispatch
 * without knowing models. {@link #defaults()} holds the built-in {@link BaselineExecutor} plus
 * every executor on the class path registered in
 * {@code META-INF/services/dev.recompose.bench.run.RunExecutor} (how the trained-model adapters
 * are switched on).
 */
public final class ExecutorRegistry {
  private final Map<String, RunExecutor> byModel = new LinkedHashMap<>();
  private final List<RepresentationPreparer> preparers;

  /** A registry of {@code executors}; a later executor claiming a model name replaces the earlier. */
  public ExecutorRegistry(List<RunExecutor> executors) {
    this(executors, List.of());
  }

  /** A registry of {@code executors} and representation {@code preparers}. */
  public ExecutorRegistry(List<RunExecutor> executors, List<RepresentationPreparer> preparers) {
    for (RunExecutor e : executors) {
      for (String m : e.models()) {
        byModel.put(m, e);
      }
    }
    this.preparers = List.copyOf(preparers);
  }

  /** Baselines plus the executors and preparers found by {@link ServiceLoader}. */
  public static ExecutorRegistry defaults() {
    List<RunExecutor> all = new ArrayList<>();
    all.add(new BaselineExecutor());
    ServiceLoader.load(RunExecutor.class).forEach(all::add);
    List<RepresentationPreparer> preps = new ArrayList<>();
    ServiceLoader.load(RepresentationPreparer.class).forEach(preps::add);
    return new ExecutorRegistry(all, preps);
  }

  /** This registry plus {@code extra} (which wins on name clashes). */
  public ExecutorRegistry with(RunExecutor extra) {
    List<RunExecutor> all = new ArrayList<>(new java.util.LinkedHashSet<>(byModel.values()));
    all.add(extra);
    return new ExecutorRegistry(all, preparers);
  }

  /** This registry plus {@code extra} (consulted before the others). */
  public ExecutorRegistry with(RepresentationPreparer extra) {
    List<RepresentationPreparer> all = new ArrayList<>();
    all.add(extra);
    all.addAll(preparers);
    return new ExecutorRegistry(new ArrayList<>(new java.util.LinkedHashSet<>(byModel.values())),
        all);
  }

  /** The first preparer that provides {@code representation}, or null. */
  public RepresentationPreparer preparer(String representation) {
    for (RepresentationPreparer p : preparers) {
      if (p.representations().contains(representation)) {
        return p;
      }
    }
    return null;
  }

  /** Every model name, sorted. */
  public Set<String> models() {
    return new TreeSet<>(byModel.keySet());
  }

  /** Whether some executor runs {@code model}. */
  public boolean has(String model) {
    return byModel.containsKey(model);
  }

  /** The executor of {@code model}; fails listing the known names. */
  public RunExecutor get(String model) {
    Objects.requireNonNull(model, "model");
    RunExecutor e = byModel.get(model);
    if (e == null) {
      throw new IllegalArgumentException("unknown model '" + model + "'; valid: "
          + String.join(", ", models()));
    }
    return e;
  }
}
