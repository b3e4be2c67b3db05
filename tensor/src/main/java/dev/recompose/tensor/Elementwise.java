package dev.recompose.tensor;

import java.util.Arrays;

/** Forward and backward of elementwise ops: broadcasting arithmetic, activations, masked fill. */
final class Elementwise {
    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3;
    /** Elements per parallel chunk below which elementwise loops stay on one thread. */
    static final int GRAIN = 1 << 15;

    private Elementwise() {}

    /** Unary functions with a closed-form derivative. */
    enum Fn { EXP, LOG, SQRT, POW, RELU, GELU, SIGMOID, TANH, SOFTPLUS }

    /**
     * Precomputed broadcast walk: the output as {@code rows x inner}, per-row start offsets into a
     * and b, and the inner-axis step (0 or 1) of each.
     */
    private record Walk(int rows, int inner, int[] offA, int[] offB, int stepA, int stepB) {
        static Walk of(int[] sa, int[] sb, int[] out) {
            int r = out.length;
            int[] stA = Shapes.broadcastStrides(sa, out), stB = Shapes.broadcastStrides(sb, out);
            int inner = r == 0 ? 1 : out[r - 1];
            int rows = inner == 0 ? 0 : Shapes.numel(out) / inner;
            int[] oa = new int[rows], ob = new int[rows];
            int[] idx = new int[Math.max(r - 1, 0)];
            int pa = 0, pb = 0;
            for (int row = 0; row < rows; row++) {
                oa[row] = pa;
                ob[row] = pb;
                for (int d = r - 2; d >= 0; d--) {
                    idx[d]++;
                    pa += stA[d];
                    pb += stB[d];
                    if (idx[d] < out[d]) break;
                    pa -= stA[d] * out[d];
                    pb -= stB[d] * out[d];
                    idx[d] = 0;
                }
            }
            return new Walk(rows, inner, oa, ob, r == 0 ? 0 : stA[r - 1], r == 0 ? 0 : stB[r - 1]);
        }
    }

    static Tensor binary(Tensor a, Tensor b, int op) {
        if (a.isInt() || b.isInt()) throw new IllegalArgumentException("arithmetic needs float tensors, got " + a.dtype() + " and " + b.dtype());
        float[] x = a.data, y = b.data;
        int[] sa = a.shapeRef(), sb = b.shapeRef();
        if (Arrays.equals(sa, sb)) {
            float[] o = Buffers.uninitialized(x.length); // every element written below
            Parallel.forRange(o.length, GRAIN, (s, e) -> {
                switch (op) {
                    case ADD -> { for (int i = s; i < e; i++) o[i] = x[i] + y[i]; }
                    case SUB -> { for (int i = s; i < e; i++) o[i] = x[i] - y[i]; }
                    case MUL -> { for (int i = s; i < e; i++) o[i] = x[i] * y[i]; }
                    default -> { for (int i = s; i < e; i++) o[i] = x[i] / y[i]; }
                }
            });
            return Tensor.result(o, sa.clone(), g -> {
                boolean adoptA = a.requiresGrad && op == ADD && a != b && a.grad == null;
                if (adoptA) a.accumulateGrad(g);
                float[] ga = a.requiresGrad && !adoptA ? a.gradBuf() : null;
                float[] gb = b.requiresGrad ? b.gradBuf() : null;
                Parallel.forRange(g.length, GRAIN, (s, e) -> {
                    if (ga != null) {
                        switch (op) {
                            case ADD, SUB -> { for (int i = s; i < e; i++) ga[i] += g[i]; }
                            case MUL -> { for (int i = s; i < e; i++) ga[i] += g[i] * y[i]; }
                            default -> { for (int i = s; i < e; i++) ga[i] += g[i] / y[i]; }
                        }
                    }
                    if (gb != null) {
                        switch (op) {
                            case ADD -> { for (int i = s; i < e; i++) gb[i] += g[i]; }
                            case SUB -> { for (int i = s; i < e; i++) gb[i] -= g[i]; }
                            case MUL -> { for (int i = s; i < e; i++) gb[i] += g[i] * x[i]; }
                            default -> { for (int i = s; i < e; i++) gb[i] -= g[i] * x[i] / (y[i] * y[i]); }
                        }
                    }
                });
            }, a, b);
        }
        int[] outShape = Shapes.broadcast(sa, sb);
        if (Arrays.equals(outShape, sa)) {
            Tensor fast = broadcastFast(a, b, op, outShape);
            if (fast != null) return fast;
        } else if (Arrays.equals(outShape, sb) && (op == ADD || op == MUL)) {
            Tensor fast = broadcastFast(b, a, op, outShape);
            if (fast != null) return fast;
        }
        Walk w = Walk.of(sa, sb, outShape);
        float[] o = new float[Shapes.numel(outShape)];
        int inner = w.inner, sA = w.stepA, sB = w.stepB;
        for (int r = 0; r < w.rows; r++) {
            int pa = w.offA[r], pb = w.offB[r], po = r * inner;
            switch (op) {
                case ADD -> { for (int j = 0; j < inner; j++) o[po + j] = x[pa + j * sA] + y[pb + j * sB]; }
                case SUB -> { for (int j = 0; j < inner; j++) o[po + j] = x[pa + j * sA] - y[pb + j * sB]; }
                case MUL -> { for (int j = 0; j < inner; j++) o[po + j] = x[pa + j * sA] * y[pb + j * sB]; }
                default -> { for (int j = 0; j < inner; j++) o[po + j] = x[pa + j * sA] / y[pb + j * sB]; }
            }
        }
        return Tensor.result(o, outShape, g -> {
            if (a.requiresGrad) {
                float[] ga = a.gradBuf();
                for (int r = 0; r < w.rows; r++) {
                    int pa = w.offA[r], pb = w.offB[r], po = r * inner;
                    switch (op) {
                        case ADD, SUB -> { for (int j = 0; j < inner; j++) ga[pa + j * sA] += g[po + j]; }
                        case MUL -> { for (int j = 0; j < inner; j++) ga[pa + j * sA] += g[po + j] * y[pb + j * sB]; }
                        default -> { for (int j = 0; j < inner; j++) ga[pa + j * sA] += g[po + j] / y[pb + j * sB]; }
                    }
                }
            }
            if (b.requiresGrad) {
                float[] gb = b.gradBuf();
                for (int r = 0; r < w.rows; r++) {
                    int pa = w.offA[r], pb = w.offB[r], po = r * inner;
                    switch (op) {
                        case ADD -> { for (int j = 0; j < inner; j++) gb[pb + j * sB] += g[po + j]; }
                        case SUB -> { for (int j = 0; j < inner; j++) gb[pb + j * sB] -= g[po + j]; }
                        case MUL -> { for (int j = 0; j < inner; j++) gb[pb + j * sB] += g[po + j] * x[pa + j * sA]; }
                        default -> {
                            for (int j = 0; j < inner; j++) {
                                float yv = y[pb + j * sB];
                                gb[pb + j * sB] -= g[po + j] * x[pa + j * sA] / (yv * yv);
                            }
                        }
                    }
                }
            }
        }, a, b);
    }

    /**
     * Inner length when {@code small} repeats along leading axes of {@code big} (a bias: shape is a
     * suffix of big's, after dropping leading 1s), else -1.
     */
    private static int rowPattern(int[] big, int[] small) {
        int lead = 0;
        while (lead < small.length && small[lead] == 1) lead++;
        int len = small.length - lead;
        if (len == 0 || len > big.length) return -1;
        for (int i = 0; i < len; i++) if (small[lead + i] != big[big.length - len + i]) return -1;
        return Shapes.prod(small, lead, small.length);
    }

    /**
     * Inner length when {@code small} is constant along trailing axes of {@code big} (a mask or scale
     * of shape [..., 1]), else -1.
     */
    private static int colPattern(int[] big, int[] small) {
        int r = big.length, lead = r - small.length;
        int t = r - 1;
        while (t >= lead && small[t - lead] == 1) t--;
        for (int i = 0; i <= t; i++) {
            int d = i < lead ? 1 : small[i - lead];
            if (d != big[i]) return -1;
        }
        return Shapes.prod(big, t + 1, r);
    }

    /** Contiguous loops for bias-like and mask-like broadcasts of {@code small} onto {@code big} (big op small). */
    private static Tensor broadcastFast(Tensor big, Tensor small, int op, int[] outShape) {
        int[] sb = small.shapeRef();
        boolean col;
        int n;
        if (small.numel() == 1) {
            col = true;
            n = big.numel();
        } else if ((n = rowPattern(outShape, sb)) > 0) {
            col = false;
        } else if ((n = colPattern(outShape, sb)) > 0) {
            col = true;
        } else {
            return null;
        }
        float[] x = big.data, y = small.data;
        int total = x.length, rows = n == 0 ? 0 : total / n;
        float[] o = Buffers.uninitialized(total); // every row written below
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            if (col) {
                float yv = y[r];
                switch (op) {
                    case ADD -> { for (int j = 0; j < n; j++) o[base + j] = x[base + j] + yv; }
                    case SUB -> { for (int j = 0; j < n; j++) o[base + j] = x[base + j] - yv; }
                    case MUL -> { for (int j = 0; j < n; j++) o[base + j] = x[base + j] * yv; }
                    default -> { for (int j = 0; j < n; j++) o[base + j] = x[base + j] / yv; }
                }
            } else {
                switch (op) {
                    case ADD -> { for (int j = 0; j < n; j++) o[base + j] = x[base + j] + y[j]; }
                    case SUB -> { for (int j = 0; j < n; j++) o[base + j] = x[base + j] - y[j]; }
                    case MUL -> { for (int j = 0; j < n; j++) o[base + j] = x[base + j] * y[j]; }
                    default -> { for (int j = 0; j < n; j++) o[base + j] = x[base + j] / y[j]; }
                }
            }
        }
        final int fn = n;
        return Tensor.result(o, outShape, g -> {
            // the small operand first: the big operand may take over g afterwards
            if (small.requiresGrad) {
                float[] gy = small.gradBuf();
                for (int r = 0; r < rows; r++) {
                    int base = r * fn;
                    if (col) {
                        float acc = 0f;
                        switch (op) {
                            case ADD -> { for (int j = 0; j < fn; j++) acc += g[base + j]; }
                            case SUB -> { for (int j = 0; j < fn; j++) acc -= g[base + j]; }
                            case MUL -> { for (int j = 0; j < fn; j++) acc += g[base + j] * x[base + j]; }
                            default -> { for (int j = 0; j < fn; j++) acc -= g[base + j] * x[base + j]; }
                        }
                        gy[small.numel() == 1 ? 0 : r] += op == DIV ? acc / (y[r] * y[r]) : acc;
                    } else {
                        switch (op) {
                            case ADD -> { for (int j = 0; j < fn; j++) gy[j] += g[base + j]; }
                            case SUB -> { for (int j = 0; j < fn; j++) gy[j] -= g[base + j]; }
                            case MUL -> { for (int j = 0; j < fn; j++) gy[j] += g[base + j] * x[base + j]; }
                            default -> { for (int j = 0; j < fn; j++) gy[j] -= g[base + j] * x[base + j] / (y[j] * y[j]); }
                        }
                    }
                }
            }
            if (big.requiresGrad && (op == ADD || op == SUB) && big.grad == null && big != small) {
                big.accumulateGrad(g);
            } else if (big.requiresGrad && op == MUL && big != small) {
                // small's gradient (above) has read g; scale the dead output gradient in place and hand it over
                for (int r = 0; r < rows; r++) {
                    int base = r * fn;
                    if (col) { float yv = y[r]; for (int j = 0; j < fn; j++) g[base + j] *= yv; }
                    else for (int j = 0; j < fn; j++) g[base + j] *= y[j];
                }
                big.accumulateGrad(g);
            } else if (big.requiresGrad) {
                float[] gx = big.gradBuf();
                for (int r = 0; r < rows; r++) {
                    int base = r * fn;
                    switch (op) {
                        case ADD, SUB -> { for (int j = 0; j < fn; j++) gx[base + j] += g[base + j]; }
                        case MUL -> {
                            if (col) { float yv = y[r]; for (int j = 0; j < fn; j++) gx[base + j] += g[base + j] * yv; }
                            else for (int j = 0; j < fn; j++) gx[base + j] += g[base + j] * y[j];
                        }
                        default -> {
                            if (col) { float yv = y[r]; for (int j = 0; j < fn; j++) gx[base + j] += g[base + j] / yv; }
                            else for (int j = 0; j < fn; j++) gx[base + j] += g[base + j] / y[j];
                        }
                    }
                }
            }
        }, big, small);
    }

    /** {@code scale * x + shift}. */
    static Tensor affine(Tensor a, float scale, float shift) {
        if (a.isInt()) throw new IllegalArgumentException("arithmetic needs a float tensor");
        float[] x = a.data;
        float[] o = Buffers.uninitialized(x.length);
        for (int i = 0; i < o.length; i++) o[i] = x[i] * scale + shift;
        return Tensor.result(o, a.shapeRef().clone(), g -> {
            // scale the (dead after this) output gradient in place and hand it over
            if (scale != 1f) for (int i = 0; i < g.length; i++) g[i] *= scale;
            a.accumulateGrad(g);
        }, a);
    }

    private static final double INV_SQRT2 = 1 / Math.sqrt(2), INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    /** erf with |error| below 1.2e-7 (Numerical Recipes erfc Chebyshev fit), enough for float32. */
    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - r : r - 1;
    }

    static Tensor unary(Tensor a, Fn fn, float p) {
        if (a.isInt()) throw new IllegalArgumentException(fn + " needs a float tensor");
        float[] x = a.data;
        int n = x.length;
        float[] o = Buffers.uninitialized(n); // unaryForward writes every element
        Parallel.forRange(n, GRAIN, (s, e) -> unaryForward(fn, p, x, o, s, e));
        return Tensor.result(o, a.shapeRef().clone(), g -> {
            if (fn == Fn.RELU) {
                // mask the (dead after this) output gradient in place and hand it over: no new array
                Parallel.forRange(n, GRAIN, (s, e) -> reluMaskInPlace(x, g, s, e));
                a.accumulateGrad(g);
                return;
            }
            float[] ga = a.gradBuf();
            Parallel.forRange(n, GRAIN, (s, e) -> unaryBackward(fn, p, x, o, g, ga, s, e));
        }, a);
    }

    private static void unaryForward(Fn fn, float p, float[] x, float[] o, int s, int e) {
        switch (fn) {
            case EXP -> { for (int i = s; i < e; i++) o[i] = (float) Math.exp(x[i]); }
            case LOG -> { for (int i = s; i < e; i++) o[i] = (float) Math.log(x[i]); }
            case SQRT -> { for (int i = s; i < e; i++) o[i] = (float) Math.sqrt(x[i]); }
            case POW -> {
                if (p == 2f) for (int i = s; i < e; i++) o[i] = x[i] * x[i];
                else for (int i = s; i < e; i++) o[i] = (float) Math.pow(x[i], p);
            }
            case RELU -> reluForward(x, o, s, e);
            case GELU -> { for (int i = s; i < e; i++) o[i] = (float) (0.5 * x[i] * (1 + erf(x[i] * INV_SQRT2))); }
            case SIGMOID -> { for (int i = s; i < e; i++) o[i] = sigmoid(x[i]); }
            case TANH -> VectorTanh.apply(x, o, s, e);
            case SOFTPLUS -> { for (int i = s; i < e; i++) o[i] = softplus(x[i]); }
        }
    }

    private static void unaryBackward(Fn fn, float p, float[] x, float[] o, float[] g, float[] ga, int s, int e) {
        switch (fn) {
            case EXP -> { for (int i = s; i < e; i++) ga[i] += g[i] * o[i]; }
            case LOG -> { for (int i = s; i < e; i++) ga[i] += g[i] / x[i]; }
            case SQRT -> { for (int i = s; i < e; i++) ga[i] += g[i] * 0.5f / o[i]; }
            case POW -> {
                if (p == 2f) for (int i = s; i < e; i++) ga[i] += g[i] * 2f * x[i];
                else for (int i = s; i < e; i++) ga[i] += (float) (g[i] * p * Math.pow(x[i], p - 1));
            }
            case RELU -> reluBackward(x, g, ga, s, e);
            case GELU -> {
                for (int i = s; i < e; i++) {
                    double v = x[i];
                    double cdf = 0.5 * (1 + erf(v * INV_SQRT2));
                    double pdf = INV_SQRT_2PI * Math.exp(-0.5 * v * v);
                    ga[i] += (float) (g[i] * (cdf + v * pdf));
                }
            }
            case SIGMOID -> { for (int i = s; i < e; i++) ga[i] += g[i] * o[i] * (1f - o[i]); }
            case TANH -> { for (int i = s; i < e; i++) ga[i] += g[i] * (1f - o[i] * o[i]); }
            case SOFTPLUS -> { for (int i = s; i < e; i++) ga[i] += g[i] * sigmoid(x[i]); }
        }
    }

    private static final jdk.incubator.vector.VectorSpecies<Float> S = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;

    private static void reluForward(float[] x, float[] o, int start, int n) {
        int i = start;
        for (int bound = start + S.loopBound(n - start); i < bound; i += S.length()) {
            jdk.incubator.vector.FloatVector.fromArray(S, x, i).max(0f).intoArray(o, i);
        }
        for (; i < n; i++) o[i] = Math.max(x[i], 0f);
    }

    /** {@code ga += g where x > 0}, as a masked vector add (a scalar branch mispredicts on random signs). */
    private static void reluBackward(float[] x, float[] g, float[] ga, int start, int n) {
        int i = start;
        for (int bound = start + S.loopBound(n - start); i < bound; i += S.length()) {
            var xv = jdk.incubator.vector.FloatVector.fromArray(S, x, i);
            var gv = jdk.incubator.vector.FloatVector.fromArray(S, g, i);
            jdk.incubator.vector.FloatVector.fromArray(S, ga, i)
                    .add(gv, xv.compare(jdk.incubator.vector.VectorOperators.GT, 0f)).intoArray(ga, i);
        }
        for (; i < n; i++) if (x[i] > 0f) ga[i] += g[i];
    }

    /** {@code g[i] = x[i] > 0 ? g[i] : 0}. */
    private static void reluMaskInPlace(float[] x, float[] g, int start, int n) {
        int i = start;
        for (int bound = start + S.loopBound(n - start); i < bound; i += S.length()) {
            var xv = jdk.incubator.vector.FloatVector.fromArray(S, x, i);
            jdk.incubator.vector.FloatVector.fromArray(S, g, i)
                    .blend(0f, xv.compare(jdk.incubator.vector.VectorOperators.GT, 0f).not()).intoArray(g, i);
        }
        for (; i < n; i++) if (!(x[i] > 0f)) g[i] = 0f;
    }

    static float sigmoid(float v) {
        if (v >= 0) return (float) (1 / (1 + Math.exp(-v)));
        double e = Math.exp(v);
        return (float) (e / (1 + e));
    }

    static float softplus(float v) {
        return (float) (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
    }

    static Tensor maskedFill(Tensor a, Tensor mask, float value) {
        if (a.isInt()) throw new IllegalArgumentException("maskedFill needs a float tensor");
        if (!mask.isInt()) throw new IllegalArgumentException("mask must be int32 (non-zero = fill), got " + mask.dtype());
        int[] out = Shapes.broadcast(a.shapeRef(), mask.shapeRef());
        if (!Arrays.equals(out, a.shapeRef())) {
            throw new IllegalArgumentException("mask shape " + Shapes.str(mask.shapeRef()) + " must broadcast to tensor shape " + Shapes.str(a.shapeRef()));
        }
        Walk w = Walk.of(a.shapeRef(), mask.shapeRef(), out);
        float[] x = a.data;
        int[] m = mask.ints;
        float[] o = new float[x.length];
        int inner = w.inner, sM = w.stepB;
        for (int r = 0; r < w.rows; r++) {
            int po = r * inner, pm = w.offB[r];
            for (int j = 0; j < inner; j++) o[po + j] = m[pm + j * sM] != 0 ? value : x[po + j];
        }
        return Tensor.result(o, out, g -> {
            float[] ga = a.gradBuf();
            for (int r = 0; r < w.rows; r++) {
                int po = r * inner, pm = w.offB[r];
                for (int j = 0; j < inner; j++) if (m[pm + j * sM] == 0) ga[po + j] += g[po + j];
            }
        }, a);
    }
}
