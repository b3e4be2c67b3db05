package dev.recompose.tensor;

/** Forward and backward of layout ops: reshape, permute, slice, concat, index-select. */
final class Layout {
    private Layout() {}

    static Tensor reshape(Tensor a, int[] newShape) {
        int[] s = newShape.clone();
        int infer = -1, known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("only one -1 allowed in reshape " + Shapes.str(newShape));
                infer = i;
            } else known *= s[i];
        }
        int n = a.numel();
        if (infer >= 0) {
            if (known == 0 || n % known != 0) throw new IllegalArgumentException("cannot reshape " + Shapes.str(a.shapeRef()) + " to " + Shapes.str(newShape));
            s[infer] = n / known;
        }
        if (Shapes.numel(s) != n) throw new IllegalArgumentException("cannot reshape " + Shapes.str(a.shapeRef()) + " (" + n + " elements) to " + Shapes.str(newShape));
        if (a.isInt()) return new Tensor(a.ints, s, DType.INT32);
        return Tensor.result(a.data, s, a::accumulateGrad, a);
    }

    static Tensor permute(Tensor a, int[] axes) {
        int[] s = a.shapeRef();
        int r = s.length;
        if (axes.length != r) throw new IllegalArgumentException("permutation " + java.util.Arrays.toString(axes) + " does not match rank of " + Shapes.str(s));
        int[] p = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            p[i] = Shapes.axis(axes[i], r);
            if (seen[p[i]]) throw new IllegalArgumentException("not a permutation: " + java.util.Arrays.toString(axes));
            seen[p[i]] = true;
        }
        int[] outShape = new int[r];
        int[] st = Shapes.strides(s);
        int[] srcStride = new int[r];
        for (int i = 0; i < r; i++) {
            outShape[i] = s[p[i]];
            srcStride[i] = st[p[i]];
        }
        int n = a.numel();
        int[] src = new int[n];
        int[] idx = new int[r];
        int off = 0;
        for (int i = 0; i < n; i++) {
            src[i] = off;
            for (int d = r - 1; d >= 0; d--) {
                idx[d]++;
                off += srcStride[d];
                if (idx[d] < outShape[d]) break;
                off -= srcStride[d] * outShape[d];
                idx[d] = 0;
            }
        }
        if (a.isInt()) {
            int[] o = new int[n];
            for (int i = 0; i < n; i++) o[i] = a.ints[src[i]];
            return new Tensor(o, outShape, DType.INT32);
        }
        float[] x = a.data;
        float[] o = Buffers.uninitialized(n);
        for (int i = 0; i < n; i++) o[i] = x[src[i]];
        return Tensor.result(o, outShape, g -> {
            float[] ga = a.gradBuf();
            for (int i = 0; i < n; i++) ga[src[i]] += g[i];
        }, a);
    }

    static Tensor slice(Tensor a, int axis, int start, int end) {
        int[] s = a.shapeRef();
        int ax = Shapes.axis(axis, s.length);
        if (start < 0 || end > s[ax] || start > end) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") out of range for axis " + axis + " of " + Shapes.str(s));
        }
        int outer = Shapes.prod(s, 0, ax), inner = Shapes.prod(s, ax + 1, s.length);
        int len = end - start, n = s[ax];
        int[] outShape = s.clone();
        outShape[ax] = len;
        int block = len * inner;
        if (a.isInt()) {
            int[] o = new int[outer * block];
            for (int p = 0; p < outer; p++) System.arraycopy(a.ints, (p * n + start) * inner, o, p * block, block);
            return new Tensor(o, outShape, DType.INT32);
        }
        float[] o = Buffers.uninitialized(outer * block);
        for (int p = 0; p < outer; p++) System.arraycopy(a.data, (p * n + start) * inner, o, p * block, block);
        return Tensor.result(o, outShape, g -> {
            float[] ga = a.gradBuf();
            for (int p = 0; p < outer; p++) {
                int src = p * block, dst = (p * n + start) * inner;
                for (int q = 0; q < block; q++) ga[dst + q] += g[src + q];
            }
        }, a);
    }

    static Tensor concat(int axis, Tensor[] parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat needs at least one tensor");
        int[] s0 = parts[0].shapeRef();
        int ax = Shapes.axis(axis, s0.length);
        boolean isInt = parts[0].isInt();
        int total = 0;
        for (Tensor t : parts) {
            int[] s = t.shapeRef();
            if (t.isInt() != isInt) throw new IllegalArgumentException("concat mixes int32 and float32 tensors");
            if (s.length != s0.length) throw new IllegalArgumentException("concat rank mismatch: " + Shapes.str(s0) + " and " + Shapes.str(s));
            for (int i = 0; i < s.length; i++) {
                if (i != ax && s[i] != s0[i]) throw new IllegalArgumentException("concat along axis " + axis + " needs equal other axes: " + Shapes.str(s0) + " and " + Shapes.str(s));
            }
            total += s[ax];
        }
        int outer = Shapes.prod(s0, 0, ax), inner = Shapes.prod(s0, ax + 1, s0.length);
        int[] outShape = s0.clone();
        outShape[ax] = total;
        int outBlock = total * inner;
        int[] offsets = new int[parts.length];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            offsets[i] = at;
            at += parts[i].shapeRef()[ax] * inner;
        }
        if (isInt) {
            int[] o = new int[outer * outBlock];
            for (int i = 0; i < parts.length; i++) {
                int block = parts[i].shapeRef()[ax] * inner;
                for (int p = 0; p < outer; p++) System.arraycopy(parts[i].ints, p * block, o, p * outBlock + offsets[i], block);
            }
            return new Tensor(o, outShape, DType.INT32);
        }
        float[] o = Buffers.uninitialized(outer * outBlock); // the parts tile every row
        int grain = Math.max(1, Elementwise.GRAIN / Math.max(1, outBlock));
        Parallel.forRange(outer, grain, (ps, pe) -> {
            for (int i = 0; i < parts.length; i++) {
                int block = parts[i].shapeRef()[ax] * inner;
                for (int p = ps; p < pe; p++) System.arraycopy(parts[i].data, p * block, o, p * outBlock + offsets[i], block);
            }
        });
        Tensor[] inputs = parts.clone();
        return Tensor.result(o, outShape, g -> {
            for (Tensor t : inputs) if (t.requiresGrad) t.gradBuf();
            Parallel.forRange(outer, grain, (ps, pe) -> {
                for (int i = 0; i < inputs.length; i++) {
                    Tensor t = inputs[i];
                    if (!t.requiresGrad) continue;
                    float[] gt = t.grad;
                    int block = t.shapeRef()[ax] * inner;
                    for (int p = ps; p < pe; p++) {
                        int src = p * outBlock + offsets[i], dst = p * block;
                        for (int q = 0; q < block; q++) gt[dst + q] += g[src + q];
                    }
                }
            });
        }, inputs);
    }

    static Tensor indexSelect(Tensor a, int axis, Tensor index) {
        if (!index.isInt()) throw new IllegalArgumentException("index must be int32, got " + index.dtype());
        int[] s = a.shapeRef();
        int ax = Shapes.axis(axis, s.length);
        int outer = Shapes.prod(s, 0, ax), n = s[ax], inner = Shapes.prod(s, ax + 1, s.length);
        int[] idx = index.ints;
        for (int v : idx) {
            if (v < 0 || v >= n) throw new IndexOutOfBoundsException("index " + v + " out of range for axis " + axis + " of " + Shapes.str(s));
        }
        int[] is = index.shapeRef();
        int[] outShape = new int[s.length - 1 + is.length];
        int k = 0;
        for (int i = 0; i < ax; i++) outShape[k++] = s[i];
        for (int d : is) outShape[k++] = d;
        for (int i = ax + 1; i < s.length; i++) outShape[k++] = s[i];
        int m = idx.length;
        if (a.isInt()) {
            int[] o = new int[outer * m * inner];
            for (int p = 0; p < outer; p++)
                for (int j = 0; j < m; j++) System.arraycopy(a.ints, (p * n + idx[j]) * inner, o, (p * m + j) * inner, inner);
            return new Tensor(o, outShape, DType.INT32);
        }
        float[] o = Buffers.uninitialized(outer * m * inner); // every selected row copied
        float[] x = a.data;
        Parallel.forRange(m, Math.max(1, Elementwise.GRAIN / Math.max(1, outer * inner)), (js, je) -> {
            for (int p = 0; p < outer; p++)
                for (int j = js; j < je; j++) System.arraycopy(x, (p * n + idx[j]) * inner, o, (p * m + j) * inner, inner);
        });
        return Tensor.result(o, outShape, g -> {
            float[] ga = a.gradBuf();
            for (int p = 0; p < outer; p++)
                for (int j = 0; j < m; j++) {
                    int dst = (p * n + idx[j]) * inner, src = (p * m + j) * inner;
                    for (int q = 0; q < inner; q++) ga[dst + q] += g[src + q];
                }
        }, a);
    }
}
