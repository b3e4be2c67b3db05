package dev.recompose.tensor;

import java.util.Arrays;

/** Forward and backward of reductions and of softmax / log-softmax. */
final class Reductions {
    private Reductions() {}

    private static void requireFloat(Tensor a, String op) {
        if (a.isInt()) throw new IllegalArgumentException(op + " needs a float tensor");
    }

    static Tensor sumAll(Tensor a, boolean mean) {
        requireFloat(a, mean ? "mean" : "sum");
        float[] x = a.data;
        double s = 0;
        for (float v : x) s += v;
        float scale = mean ? 1f / Math.max(1, x.length) : 1f;
        return Tensor.result(new float[] {(float) (s * scale)}, new int[0], g -> {
            float[] ga = a.gradBuf();
            float v = g[0] * scale;
            for (int i = 0; i < ga.length; i++) ga[i] += v;
        }, a);
    }

    private static int[] reducedShape(int[] s, int ax, boolean keep) {
        if (keep) {
            int[] r = s.clone();
            r[ax] = 1;
            return r;
        }
        int[] r = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != ax) r[j++] = s[i];
        return r;
    }

    static Tensor sum(Tensor a, int axis, boolean keepDim, boolean mean) {
        requireFloat(a, mean ? "mean" : "sum");
        int[] s = a.shapeRef();
        int ax = Shapes.axis(axis, s.length);
        int outer = Shapes.prod(s, 0, ax), n = s[ax], inner = Shapes.prod(s, ax + 1, s.length);
        float scale = mean ? 1f / Math.max(1, n) : 1f;
        float[] x = a.data;
        float[] o = new float[outer * inner];
        // split by outer index (each output is summed in the same order whatever the thread count)
        int grain = Math.max(1, Elementwise.GRAIN / Math.max(1, n * inner));
        Parallel.forRange(outer, grain, (ps, pe) -> {
            for (int p = ps; p < pe; p++) {
                int base = p * n * inner, ob = p * inner;
                if (inner == 1) {
                    o[ob] = VectorMath.sum(x, base, n) * scale;
                } else {
                    for (int j = 0; j < n; j++) {
                        int row = base + j * inner;
                        for (int q = 0; q < inner; q++) o[ob + q] += x[row + q];
                    }
                    if (scale != 1f) for (int q = 0; q < inner; q++) o[ob + q] *= scale;
                }
            }
        });
        return Tensor.result(o, reducedShape(s, ax, keepDim), g -> {
            float[] ga = a.gradBuf();
            Parallel.forRange(outer, grain, (ps, pe) -> {
                for (int p = ps; p < pe; p++) {
                    int base = p * n * inner, ob = p * inner;
                    for (int j = 0; j < n; j++) {
                        int row = base + j * inner;
                        for (int q = 0; q < inner; q++) ga[row + q] += g[ob + q] * scale;
                    }
                }
            });
        }, a);
    }

    static Tensor sumAxes(Tensor a, int[] axes, boolean keepDim, boolean mean) {
        int r = a.dim();
        int[] norm = new int[axes.length];
        for (int i = 0; i < axes.length; i++) norm[i] = Shapes.axis(axes[i], r);
        Arrays.sort(norm);
        for (int i = 1; i < norm.length; i++) {
            if (norm[i] == norm[i - 1]) throw new IllegalArgumentException("repeated axis in " + Arrays.toString(axes));
        }
        Tensor t = a;
        for (int i = norm.length - 1; i >= 0; i--) t = sum(t, norm[i], keepDim, mean);
        return t;
    }

    static Tensor max(Tensor a, int axis, boolean keepDim) {
        requireFloat(a, "max");
        int[] s = a.shapeRef();
        int ax = Shapes.axis(axis, s.length);
        int outer = Shapes.prod(s, 0, ax), n = s[ax], inner = Shapes.prod(s, ax + 1, s.length);
        if (n == 0) throw new IllegalArgumentException("max over an empty axis of " + Shapes.str(s));
        float[] x = a.data;
        float[] o = new float[outer * inner];
        int[] arg = new int[outer * inner];
        for (int p = 0; p < outer; p++) {
            for (int q = 0; q < inner; q++) {
                int base = p * n * inner + q;
                float best = x[base];
                int bi = 0;
                for (int j = 1; j < n; j++) {
                    float v = x[base + j * inner];
                    if (v > best) {
                        best = v;
                        bi = j;
                    }
                }
                o[p * inner + q] = best;
                arg[p * inner + q] = base + bi * inner;
            }
        }
        return Tensor.result(o, reducedShape(s, ax, keepDim), g -> {
            float[] ga = a.gradBuf();
            for (int i = 0; i < arg.length; i++) ga[arg[i]] += g[i];
        }, a);
    }

    static Tensor softmax(Tensor a, int axis, boolean log) {
        requireFloat(a, log ? "logSoftmax" : "softmax");
        int[] s = a.shapeRef();
        int ax = Shapes.axis(axis, s.length);
        int outer = Shapes.prod(s, 0, ax), n = s[ax], inner = Shapes.prod(s, ax + 1, s.length);
        float[] x = a.data;
        float[] o = new float[x.length];
        for (int p = 0; p < outer; p++) {
            for (int q = 0; q < inner; q++) {
                int base = p * n * inner + q;
                float mx = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) mx = Math.max(mx, x[base + j * inner]);
                if (mx == Float.NEGATIVE_INFINITY) mx = 0f;
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    float e = (float) Math.exp(x[base + j * inner] - mx);
                    if (!log) o[base + j * inner] = e;
                    sum += e;
                }
                if (log) {
                    float lse = (float) (mx + Math.log(sum));
                    for (int j = 0; j < n; j++) o[base + j * inner] = x[base + j * inner] - lse;
                } else {
                    float inv = sum > 0 ? (float) (1 / sum) : 0f;
                    for (int j = 0; j < n; j++) o[base + j * inner] *= inv;
                }
            }
        }
        return Tensor.result(o, s.clone(), g -> {
            float[] ga = a.gradBuf();
            for (int p = 0; p < outer; p++) {
                for (int q = 0; q < inner; q++) {
                    int base = p * n * inner + q;
                    if (log) {
                        float gs = 0f;
                        for (int j = 0; j < n; j++) gs += g[base + j * inner];
                        for (int j = 0; j < n; j++) {
                            int i = base + j * inner;
                            ga[i] += g[i] - (float) Math.exp(o[i]) * gs;
                        }
                    } else {
                        float dot = 0f;
                        for (int j = 0; j < n; j++) dot += g[base + j * inner] * o[base + j * inner];
                        for (int j = 0; j < n; j++) {
                            int i = base + j * inner;
                            ga[i] += o[i] * (g[i] - dot);
                        }
                    }
                }
            }
        }, a);
    }
}
