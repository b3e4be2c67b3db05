package dev.recompose.tensor.nn;

import dev.recompose.tensor.Shapes;
import dev.recompose.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base class of neural-network bricks: named parameters, child modules and a train/eval switch.
 *
 * <p>It mirrors {@code torch.nn.Module} so that models read the same: parameters and children are
 * registered in construction order, {@link #parameters()} returns dotted names
 * ({@code blocks.0.attn.query.weight}) in that stable order — the order optimizers, checkpoints and
 * {@link #load} rely on.
 */
public abstract class Module {
    private final LinkedHashMap<String, Tensor> params = new LinkedHashMap<>();
    private final LinkedHashMap<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter (marked to require grad) under {@code name}; returns it. */
    protected final Tensor parameter(String name, Tensor value) {
        if (params.containsKey(name) || children.containsKey(name)) throw new IllegalArgumentException("duplicate name " + name);
        value.requiresGrad(true);
        params.put(name, value);
        return value;
    }

    /** Registers a child module under {@code name}; returns it. */
    protected final <M extends Module> M child(String name, M module) {
        if (params.containsKey(name) || children.containsKey(name)) throw new IllegalArgumentException("duplicate name " + name);
        children.put(name, module);
        return module;
    }

    /** All parameters, own first then each child's, with dotted names, in registration order. */
    public final Map<String, Tensor> parameters() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out) {
        params.forEach((n, t) -> out.put(prefix + n, t));
        children.forEach((n, m) -> m.collect(prefix + n + ".", out));
    }

    /** Total number of scalar parameters. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor t : parameters().values()) n += t.numel();
        return n;
    }

    /** Switches this module and its children to training mode (dropout active); returns this. */
    public Module train() {
        return train(true);
    }

    /** Switches this module and its children to evaluation mode; returns this. */
    public Module eval() {
        return train(false);
    }

    /** Sets training mode recursively; returns this. */
    public Module train(boolean on) {
        training = on;
        children.values().forEach(m -> m.train(on));
        return this;
    }

    /** Whether the module is in training mode. */
    public final boolean isTraining() {
        return training;
    }

    /** Clears every parameter's gradient. */
    public final void zeroGrad() {
        parameters().values().forEach(Tensor::zeroGrad);
    }

    /**
     * Copies values from {@code state} into parameters of the same name. With {@code strict} every
     * parameter must be present; shapes must always match. Returns the names that were loaded.
     */
    public final java.util.List<String> load(Map<String, Tensor> state, boolean strict) {
        return load(state, java.util.function.Function.identity(), strict);
    }

    /**
     * Copies values into parameters, looking each one up in {@code state} under
     * {@code nameInState.apply(parameterName)}; this is how a checkpoint with another naming scheme
     * (e.g. a BERT layer {@code encoder.layer.11.attention.self.query.weight}) loads into a
     * {@link TransformerBlock}. With {@code strict} every parameter must be found; shapes must always
     * match. Returns the parameter names that were loaded.
     */
    public final java.util.List<String> load(Map<String, Tensor> state, java.util.function.Function<String, String> nameInState, boolean strict) {
        java.util.ArrayList<String> loaded = new java.util.ArrayList<>();
        for (var e : parameters().entrySet()) {
            String key = nameInState.apply(e.getKey());
            Tensor src = key == null ? null : state.get(key);
            if (src == null) {
                if (strict) throw new IllegalArgumentException("missing parameter " + e.getKey() + " (looked up as " + key + ") in state");
                continue;
            }
            Tensor dst = e.getValue();
            if (!java.util.Arrays.equals(src.shape(), dst.shape())) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has shape " + Shapes.str(dst.shape()) + " but state entry " + key + " has " + Shapes.str(src.shape()));
            }
            if (src.isInt()) throw new IllegalArgumentException("state entry " + key + " is int32, parameter " + e.getKey() + " is float32");
            System.arraycopy(src.data(), 0, dst.data(), 0, dst.numel());
            loaded.add(e.getKey());
        }
        return loaded;
    }
}
