package dev.recompose.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An N-dimensional float32 or int32 array on the Java heap, with define-by-run automatic differentiation.
 *
 * <p>This is the value every Recompose model computes with. Storage is a contiguous row-major
 * {@code float[]} or {@code int[]}; {@link #reshape}, {@link #unsqueeze}, {@link #squeeze} and
 * {@link #detach} are zero-copy views sharing it, other layout ops copy. When gradient recording
 * is on ({@link GradMode}) and an input {@link #requiresGrad() requires grad}, each op records a
 * node on the tape; {@link #backward()} walks it once in reverse topological order, accumulates into
 * the leaves' {@link #grad()} and releases the graph.
 *
 * <pre>{@code
 * Tensor h = lin1.forward(x).relu();
 * Tensor loss = Losses.bceWithLogits(lin2.forward(h), y);
 * loss.backward(); opt.step(); opt.zeroGrad();
 * }</pre>
 */
public final class Tensor {
    private static final AtomicInteger EPOCH = new AtomicInteger();

    private final int[] shape;
    final float[] data;
    final int[] ints;
    boolean requiresGrad;
    float[] grad;
    RowSparseGrad sparseGrad;
    Node node;
    private int visitEpoch;

    Tensor(float[] data, int[] shape) {
        this.data = data;
        this.ints = null;
        this.shape = shape;
    }

    Tensor(int[] ints, int[] shape, DType ignored) {
        this.data = null;
        this.ints = ints;
        this.shape = shape;
    }

    // ------------------------------------------------------------------ factories

    /** Wraps {@code data} (not copied) as a float tensor of {@code shape}. */
    public static Tensor of(float[] data, int... shape) {
        int n = Shapes.numel(shape);
        if (data.length != n) throw new IllegalArgumentException("data has " + data.length + " values but shape " + Shapes.str(shape) + " needs " + n);
        return new Tensor(data, shape.clone());
    }

    /** Wraps {@code data} (not copied) as an int32 tensor of {@code shape}. */
    public static Tensor ofInts(int[] data, int... shape) {
        int n = Shapes.numel(shape);
        if (data.length != n) throw new IllegalArgumentException("data has " + data.length + " values but shape " + Shapes.str(shape) + " needs " + n);
        return new Tensor(data, shape.clone(), DType.INT32);
    }

    /** A float scalar (shape {@code []}). */
    public static Tensor scalar(float v) {
        return new Tensor(new float[] {v}, new int[0]);
    }

    /** Zeros of {@code shape}. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shapes.numel(shape)], shape.clone());
    }

    /** Int32 zeros of {@code shape}. */
    public static Tensor zerosInt(int... shape) {
        return new Tensor(new int[Shapes.numel(shape)], shape.clone(), DType.INT32);
    }

    /** Ones of {@code shape}. */
    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** {@code value} everywhere. */
    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        Arrays.fill(d, value);
        return new Tensor(d, shape.clone());
    }

    /** Standard normal samples drawn sequentially from {@code rng}. */
    public static Tensor randn(Rng rng, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) rng.nextGaussian();
        return new Tensor(d, shape.clone());
    }

    /** Uniform [0, 1) samples drawn sequentially from {@code rng}. */
    public static Tensor rand(Rng rng, int... shape) {
        float[] d = new float[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextFloat();
        return new Tensor(d, shape.clone());
    }

    /** Int32 {@code 0, 1, ..., n-1}. */
    public static Tensor arange(int n) {
        int[] d = new int[n];
        for (int i = 0; i < n; i++) d[i] = i;
        return new Tensor(d, new int[] {n}, DType.INT32);
    }

    /** Concatenates tensors along {@code axis}; all other dimensions must match. */
    public static Tensor concat(int axis, Tensor... parts) {
        return Layout.concat(axis, parts);
    }

    /** Concatenates tensors along {@code axis}. */
    public static Tensor concat(int axis, List<Tensor> parts) {
        return Layout.concat(axis, parts.toArray(new Tensor[0]));
    }

    /** Stacks equally shaped tensors along a new axis. */
    public static Tensor stack(int axis, List<Tensor> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("stack needs at least one tensor");
        int a = Shapes.axis(axis, parts.getFirst().dim() + 1);
        Tensor[] u = new Tensor[parts.size()];
        for (int i = 0; i < u.length; i++) u[i] = parts.get(i).unsqueeze(a);
        return Layout.concat(a, u);
    }

    // ------------------------------------------------------------------ metadata and data access

    /** Element type. */
    public DType dtype() { return data != null ? DType.FLOAT32 : DType.INT32; }

    /** Whether this is an int32 tensor. */
    public boolean isInt() { return ints != null; }

    /** A copy of the shape. */
    public int[] shape() { return shape.clone(); }

    int[] shapeRef() { return shape; }

    /** Rank. */
    public int dim() { return shape.length; }

    /** Size of {@code axis} (negative counts from the end). */
    public int size(int axis) { return shape[Shapes.axis(axis, shape.length)]; }

    /** Number of elements. */
    public int numel() { return data != null ? data.length : ints.length; }

    /** The live float storage (row-major); writes are visible to every view. */
    public float[] data() {
        if (data == null) throw new IllegalStateException("int32 tensor has no float data; use intData()");
        return data;
    }

    /** The live int storage (row-major). */
    public int[] intData() {
        if (ints == null) throw new IllegalStateException("float32 tensor has no int data; use data()");
        return ints;
    }

    /** The single value of a one-element float tensor. */
    public float item() {
        if (numel() != 1) throw new IllegalStateException("item() needs one element, shape is " + Shapes.str(shape));
        return data != null ? data[0] : ints[0];
    }

    /** The element at a full index. */
    public float get(int... index) {
        if (index.length != shape.length) throw new IllegalArgumentException("index of rank " + index.length + " for shape " + Shapes.str(shape));
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside " + Shapes.str(shape));
            off = off * shape[i] + index[i];
        }
        return data != null ? data[off] : ints[off];
    }

    /** A copy with fresh storage and no autograd history. */
    public Tensor copy() {
        return data != null ? new Tensor(data.clone(), shape.clone()) : new Tensor(ints.clone(), shape.clone(), DType.INT32);
    }

    /** This int tensor converted to float (not differentiable). */
    public Tensor toFloat() {
        if (data != null) return this;
        float[] d = new float[ints.length];
        for (int i = 0; i < d.length; i++) d[i] = ints[i];
        return new Tensor(d, shape.clone());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shapes.str(shape)).append(dtype() == DType.INT32 ? " int32 " : " ");
        int n = Math.min(numel(), 8);
        sb.append('[');
        for (int i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append(data != null ? data[i] : ints[i]);
        if (numel() > n) sb.append(", ...");
        return sb.append(']').append(requiresGrad ? " grad" : "").toString();
    }

    // ------------------------------------------------------------------ autograd

    /** Whether gradients flow into this tensor. */
    public boolean requiresGrad() { return requiresGrad; }

    /** Marks a leaf float tensor as a parameter-like value that accumulates gradients; returns this. */
    public Tensor requiresGrad(boolean on) {
        if (on && data == null) throw new IllegalStateException("int32 tensors cannot require grad");
        if (node != null) throw new IllegalStateException("requiresGrad can only be set on leaves; this tensor is an op output");
        this.requiresGrad = on;
        return this;
    }

    /** Whether this tensor was created by the user rather than by a recorded op. */
    public boolean isLeaf() { return node == null; }

    /** The accumulated gradient (dense; row-sparse parts are densified), or null when none. */
    public Tensor grad() {
        if (grad == null && sparseGrad == null) return null;
        float[] g = grad != null ? grad.clone() : new float[numel()];
        if (sparseGrad != null) sparseGrad.addTo(g);
        return new Tensor(g, shape.clone());
    }

    /** The dense gradient buffer (live), or null. Row-sparse parts are in {@link #sparseGrad()}. */
    public float[] gradData() { return grad; }

    /** The row-sparse part of the gradient, or null. */
    public RowSparseGrad sparseGrad() { return sparseGrad; }

    /** Clears the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
        sparseGrad = null;
    }

    /** The gradient buffer, allocated zeroed on first use. */
    float[] gradBuf() {
        float[] g = grad;
        if (g == null) grad = g = new float[data.length];
        return g;
    }

    /**
     * The gradient buffer for an op that will write all of it, when this tensor has none yet
     * ({@code grad == null}; callers add into {@link #gradBuf()} otherwise): allocated without zeroing
     * ({@link Buffers}), so every element must be written before the gradient is read.
     */
    float[] freshGradBuf() {
        if (grad != null) throw new IllegalStateException("tensor already has a gradient: add into gradBuf()");
        return grad = Buffers.uninitialized(data.length);
    }

    /**
     * Adds {@code g} (same element count) to this tensor's gradient. When there is none yet the
     * array itself is adopted instead of copied: it is the output gradient of the op being
     * back-propagated, which the tape frees right after, so ownership can pass without a copy.
     */
    void accumulateGrad(float[] g) {
        if (grad == null && g.length == data.length) {
            grad = g;
            return;
        }
        float[] mine = gradBuf();
        for (int i = 0; i < g.length; i++) mine[i] += g[i];
    }

    /** Same storage, no history, does not require grad. */
    public Tensor detach() {
        return data != null ? new Tensor(data, shape) : new Tensor(ints, shape, DType.INT32);
    }

    /** Back-propagates from this scalar (seed 1). */
    public void backward() {
        if (numel() != 1) throw new IllegalStateException("backward() needs a scalar, shape is " + Shapes.str(shape) + "; pass a seed gradient");
        backward(new float[] {1f});
    }

    /** Back-propagates with seed gradient {@code seed} (same number of elements), then releases the graph. */
    public void backward(Tensor seed) {
        if (seed.numel() != numel()) throw new IllegalArgumentException("seed shape " + Shapes.str(seed.shape) + " does not match " + Shapes.str(shape));
        backward(seed.data());
    }

    private void backward(float[] seed) {
        if (!requiresGrad) throw new IllegalStateException("tensor does not require grad: nothing to back-propagate");
        List<Tensor> order = topoOrder();
        float[] g = gradBuf();
        for (int i = 0; i < seed.length; i++) g[i] += seed[i];
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Node n = t.node;
            if (n == null) continue;
            if (t.grad != null) n.fn.backward(t.grad);
            t.node = null;
            t.grad = null;
        }
    }

    /** Post-order (inputs before outputs) of the recorded graph below this tensor. */
    private List<Tensor> topoOrder() {
        int epoch = EPOCH.incrementAndGet();
        ArrayList<Tensor> order = new ArrayList<>();
        ArrayList<Tensor> stack = new ArrayList<>();
        ArrayList<Integer> next = new ArrayList<>();
        stack.add(this);
        next.add(0);
        visitEpoch = epoch;
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Tensor t = stack.get(top);
            int i = next.get(top);
            Tensor[] in = t.node == null ? null : t.node.inputs;
            if (in != null && i < in.length) {
                next.set(top, i + 1);
                Tensor c = in[i];
                if (c != null && c.requiresGrad && c.visitEpoch != epoch) {
                    c.visitEpoch = epoch;
                    stack.add(c);
                    next.add(0);
                }
            } else {
                order.add(t);
                stack.removeLast();
                next.removeLast();
            }
        }
        return order;
    }

    /** Builds an op output, recording {@code fn} on the tape when recording is on and an input needs grad. */
    static Tensor result(float[] out, int[] shape, Node.GradFn fn, Tensor... inputs) {
        Tensor t = new Tensor(out, shape);
        if (GradMode.isEnabled()) {
            for (Tensor in : inputs) {
                if (in != null && in.requiresGrad) {
                    t.requiresGrad = true;
                    t.node = new Node(inputs, fn);
                    break;
                }
            }
        }
        return t;
    }

    // ------------------------------------------------------------------ elementwise

    /** Broadcasting {@code this + o}. */
    public Tensor add(Tensor o) { return Elementwise.binary(this, o, Elementwise.ADD); }

    /** Broadcasting {@code this - o}. */
    public Tensor sub(Tensor o) { return Elementwise.binary(this, o, Elementwise.SUB); }

    /** Broadcasting {@code this * o}. */
    public Tensor mul(Tensor o) { return Elementwise.binary(this, o, Elementwise.MUL); }

    /** Broadcasting {@code this / o}. */
    public Tensor div(Tensor o) { return Elementwise.binary(this, o, Elementwise.DIV); }

    /** {@code this + s}. */
    public Tensor add(float s) { return Elementwise.affine(this, 1f, s); }

    /** {@code this - s}. */
    public Tensor sub(float s) { return Elementwise.affine(this, 1f, -s); }

    /** {@code this * s}. */
    public Tensor mul(float s) { return Elementwise.affine(this, s, 0f); }

    /** {@code this / s}. */
    public Tensor div(float s) { return Elementwise.affine(this, 1f / s, 0f); }

    /** {@code -this}. */
    public Tensor neg() { return Elementwise.affine(this, -1f, 0f); }

    /** Elementwise {@code e^x}. */
    public Tensor exp() { return Elementwise.unary(this, Elementwise.Fn.EXP, 0f); }

    /** Elementwise natural log. */
    public Tensor log() { return Elementwise.unary(this, Elementwise.Fn.LOG, 0f); }

    /** Elementwise square root. */
    public Tensor sqrt() { return Elementwise.unary(this, Elementwise.Fn.SQRT, 0f); }

    /** Elementwise {@code x^p}. */
    public Tensor pow(float p) { return Elementwise.unary(this, Elementwise.Fn.POW, p); }

    /** Elementwise {@code max(x, 0)}. */
    public Tensor relu() { return Elementwise.unary(this, Elementwise.Fn.RELU, 0f); }

    /** Exact (erf) GELU, as in BERT. */
    public Tensor gelu() { return Elementwise.unary(this, Elementwise.Fn.GELU, 0f); }

    /** Logistic sigmoid. */
    public Tensor sigmoid() { return Elementwise.unary(this, Elementwise.Fn.SIGMOID, 0f); }

    /** Hyperbolic tangent. */
    public Tensor tanh() { return Elementwise.unary(this, Elementwise.Fn.TANH, 0f); }

    /** Numerically stable {@code log(1 + e^x)}. */
    public Tensor softplus() { return Elementwise.unary(this, Elementwise.Fn.SOFTPLUS, 0f); }

    /** Elementwise square. */
    public Tensor square() { return Elementwise.unary(this, Elementwise.Fn.POW, 2f); }

    /** Where {@code mask} (int32, broadcastable) is non-zero, {@code value}; elsewhere this. */
    public Tensor maskedFill(Tensor mask, float value) { return Elementwise.maskedFill(this, mask, value); }

    // ------------------------------------------------------------------ matmul

    /** Matrix product over the last two axes; a 2-D right operand is shared by every batch. */
    public Tensor matmul(Tensor o) { return MatMul.matmul(this, o, false, false); }

    /** {@code this @ o^T} over the last two axes (e.g. a Linear weight stored out x in, or Q K^T). */
    public Tensor matmulT(Tensor o) { return MatMul.matmul(this, o, false, true); }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements (a scalar). */
    public Tensor sum() { return Reductions.sumAll(this, false); }

    /** Mean of all elements (a scalar). */
    public Tensor mean() { return Reductions.sumAll(this, true); }

    /** Sum over {@code axis}. */
    public Tensor sum(int axis, boolean keepDim) { return Reductions.sum(this, axis, keepDim, false); }

    /** Mean over {@code axis}. */
    public Tensor mean(int axis, boolean keepDim) { return Reductions.sum(this, axis, keepDim, true); }

    /** Sum over several axes. */
    public Tensor sum(int[] axes, boolean keepDim) { return Reductions.sumAxes(this, axes, keepDim, false); }

    /** Mean over several axes. */
    public Tensor mean(int[] axes, boolean keepDim) { return Reductions.sumAxes(this, axes, keepDim, true); }

    /** Maximum over {@code axis}; the gradient flows to the first maximal element. */
    public Tensor max(int axis, boolean keepDim) { return Reductions.max(this, axis, keepDim); }

    /** Softmax over {@code axis}, stabilised by the maximum. */
    public Tensor softmax(int axis) { return Reductions.softmax(this, axis, false); }

    /** Log-softmax over {@code axis}, stabilised by the maximum. */
    public Tensor logSoftmax(int axis) { return Reductions.softmax(this, axis, true); }

    // ------------------------------------------------------------------ layout

    /** Same data in a new shape (zero-copy); one dimension may be -1. */
    public Tensor reshape(int... newShape) { return Layout.reshape(this, newShape); }

    /** Inserts a size-1 axis (zero-copy). */
    public Tensor unsqueeze(int axis) {
        int a = Shapes.axis(axis, shape.length + 1);
        int[] s = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) s[i] = i == a ? 1 : shape[j++];
        return Layout.reshape(this, s);
    }

    /** Removes a size-1 axis (zero-copy). */
    public Tensor squeeze(int axis) {
        int a = Shapes.axis(axis, shape.length);
        if (shape[a] != 1) throw new IllegalArgumentException("cannot squeeze axis " + axis + " of size " + shape[a] + " in " + Shapes.str(shape));
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != a) s[j++] = shape[i];
        return Layout.reshape(this, s);
    }

    /** Reorders axes (copies). */
    public Tensor permute(int... axes) { return Layout.permute(this, axes); }

    /** Swaps two axes (copies). */
    public Tensor transpose(int a, int b) {
        int r = shape.length;
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = i;
        int x = Shapes.axis(a, r), y = Shapes.axis(b, r);
        p[x] = y;
        p[y] = x;
        return Layout.permute(this, p);
    }

    /** Elements {@code [start, end)} along {@code axis} (copies). */
    public Tensor slice(int axis, int start, int end) { return Layout.slice(this, axis, start, end); }

    /** Splits along {@code axis} into pieces of the given sizes. */
    public List<Tensor> split(int axis, int... sizes) {
        int a = Shapes.axis(axis, shape.length);
        int total = 0;
        for (int s : sizes) total += s;
        if (total != shape[a]) throw new IllegalArgumentException("split sizes " + Arrays.toString(sizes) + " do not sum to " + shape[a] + " (axis " + axis + " of " + Shapes.str(shape) + ")");
        List<Tensor> out = new ArrayList<>(sizes.length);
        int at = 0;
        for (int s : sizes) {
            out.add(Layout.slice(this, a, at, at + s));
            at += s;
        }
        return out;
    }

    /** Gathers entries of {@code axis} at int32 {@code index}; the result replaces that axis by the index's shape. */
    public Tensor indexSelect(int axis, Tensor index) { return Layout.indexSelect(this, axis, index); }
}
