package dev.recompose.tensor;

/** Forward and backward of (batched) matrix products with optional transposes, on {@link Gemm}. */
final class MatMul {
    private MatMul() {}

    /**
     * {@code op(a) @ op(b)} over the last two axes. A 2-D {@code b} is shared by all leading axes of
     * {@code a} (folded into one large product); otherwise the leading axes must be equal.
     */
    static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        if (a.isInt() || b.isInt()) throw new IllegalArgumentException("matmul needs float tensors");
        int[] sa = a.shapeRef(), sb = b.shapeRef();
        if (sa.length < 2 || sb.length < 2) {
            throw new IllegalArgumentException("matmul needs rank >= 2, got " + Shapes.str(sa) + " and " + Shapes.str(sb));
        }
        int ra = sa.length, rb = sb.length;
        int aRows = sa[ra - 2], aCols = sa[ra - 1], bRows = sb[rb - 2], bCols = sb[rb - 1];
        int m = transA ? aCols : aRows, ka = transA ? aRows : aCols;
        int kb = transB ? bCols : bRows, n = transB ? bRows : bCols;
        if (ka != kb) {
            throw new IllegalArgumentException("matmul inner dimensions differ: " + Shapes.str(sa) + (transA ? "^T" : "")
                    + " @ " + Shapes.str(sb) + (transB ? "^T" : "") + " (" + ka + " vs " + kb + ")");
        }
        int k = ka;
        int batchA = Shapes.prod(sa, 0, ra - 2), batchB = Shapes.prod(sb, 0, rb - 2);
        int[] outShape;
        if (rb == 2) {
            outShape = sa.clone();
            outShape[ra - 2] = m;
            outShape[ra - 1] = n;
        } else {
            if (ra != rb) throw new IllegalArgumentException("batched matmul ranks differ: " + Shapes.str(sa) + " and " + Shapes.str(sb));
            for (int i = 0; i < ra - 2; i++) {
                if (sa[i] != sb[i]) throw new IllegalArgumentException("batched matmul batch axes differ: " + Shapes.str(sa) + " and " + Shapes.str(sb));
            }
            outShape = sa.clone();
            outShape[ra - 2] = m;
            outShape[ra - 1] = n;
        }
        float[] x = a.data, y = b.data;
        float[] o = Buffers.uninitialized(batchA * m * n); // every batch written with beta = 0
        int lda = aCols, ldb = bCols;
        boolean shared = rb == 2;
        if (shared && !transA) {
            Gemm.sgemm(false, transB, batchA * m, n, k, 1f, x, 0, lda, y, 0, ldb, 0f, o, 0, n);
        } else {
            int sA = aRows * aCols, sB = shared ? 0 : bRows * bCols;
            batched(batchA, (bi) -> Gemm.sgemm(transA, transB, m, n, k, 1f, x, bi * sA, lda, y, bi * sB, ldb, 0f, o, bi * m * n, n), (long) m * n * k);
        }
        int batches = batchA;
        return Tensor.result(o, outShape, g -> {
            if (a.requiresGrad) {
                // the input's first gradient overwrites (beta = 0) an unzeroed buffer: every batch
                // slice of it is written whole; later ones add
                boolean fresh = a.grad == null;
                float[] ga = fresh ? a.freshGradBuf() : a.gradBuf();
                float beta = fresh ? 0f : 1f;
                if (shared && !transA) {
                    Gemm.sgemm(false, !transB, batches * m, k, n, 1f, g, 0, n, y, 0, ldb, beta, ga, 0, lda);
                } else {
                    int sA = aRows * aCols, sB = shared ? 0 : bRows * bCols;
                    batched(batches, bi -> {
                        if (!transA) Gemm.sgemm(false, !transB, m, k, n, 1f, g, bi * m * n, n, y, bi * sB, ldb, beta, ga, bi * sA, lda);
                        else Gemm.sgemm(transB, true, k, m, n, 1f, y, bi * sB, ldb, g, bi * m * n, n, beta, ga, bi * sA, lda);
                    }, (long) m * n * k);
                }
            }
            if (b.requiresGrad) {
                float[] gb = b.gradBuf();
                if (shared && !transA) {
                    if (!transB) Gemm.sgemm(true, false, k, n, batches * m, 1f, x, 0, lda, g, 0, n, 1f, gb, 0, ldb);
                    else Gemm.sgemm(true, false, n, k, batches * m, 1f, g, 0, n, x, 0, lda, 1f, gb, 0, ldb);
                } else if (shared) {
                    int sA = aRows * aCols;
                    for (int bi = 0; bi < batches; bi++) {
                        if (!transB) Gemm.sgemm(!transA, false, k, n, m, 1f, x, bi * sA, lda, g, bi * m * n, n, 1f, gb, 0, ldb);
                        else Gemm.sgemm(true, transA, n, k, m, 1f, g, bi * m * n, n, x, bi * sA, lda, 1f, gb, 0, ldb);
                    }
                } else {
                    int sA = aRows * aCols, sB = bRows * bCols;
                    batched(batches, bi -> {
                        if (!transB) Gemm.sgemm(!transA, false, k, n, m, 1f, x, bi * sA, lda, g, bi * m * n, n, 1f, gb, bi * sB, ldb);
                        else Gemm.sgemm(true, transA, n, k, m, 1f, g, bi * m * n, n, x, bi * sA, lda, 1f, gb, bi * sB, ldb);
                    }, (long) m * n * k);
                }
            }
        }, a, b);
    }

    /**
     * Fused {@code x @ w^T + b} for x {@code [..., in]}, w {@code [out, in]}, b {@code [out]} or null:
     * the bias seeds the output before one GEMM, and its gradient is the column sum of the output gradient.
     */
    static Tensor linear(Tensor x, Tensor w, Tensor b) {
        if (b == null) return matmul(x, w, false, true);
        int rows = linearRows(x, w, b), in = w.size(1), out = w.size(0);
        float[] o = linearForward(x.data(), w.data(), b.data(), rows, in, out, null);
        int[] shape = x.shape();
        shape[shape.length - 1] = out;
        return Tensor.result(o, shape, g -> linearBackward(g, x, w, b, rows, in, out), x, w, b);
    }

    /** The rows of {@code x} for {@code x w^T + b}, after checking that the three shapes fit. */
    static int linearRows(Tensor x, Tensor w, Tensor b) {
        if (w.dim() != 2) throw new IllegalArgumentException("linear: weight must be 2-d, got " + Shapes.str(w.shapeRef()));
        int in = w.size(1), out = w.size(0);
        if (x.size(-1) != in || b.numel() != out) {
            throw new IllegalArgumentException("linear: input " + Shapes.str(x.shapeRef()) + ", weight " + Shapes.str(w.shapeRef()) + " and bias " + Shapes.str(b.shapeRef()) + " do not match");
        }
        return x.numel() / Math.max(1, in);
    }

    /**
     * {@code y = x w^T + b} into a new {@code rows x out} array, then {@code done} (may be null) on
     * its finished rows. Each block of rows gets the bias just before its first micro-kernel and
     * {@code done} just after its last, while it is in cache, not in passes over all of y.
     */
    static float[] linearForward(float[] xd, float[] wd, float[] bd, int rows, int in, int out, Gemm.RowHook done) {
        float[] o = Buffers.uninitialized(rows * out); // every row gets the bias first
        Gemm.RowHook bias = (c, off, ldc, n, s, e) -> {
            for (int r = s; r < e; r++) System.arraycopy(bd, 0, c, off + r * ldc, n);
        };
        Gemm.sgemmRows(false, true, rows, out, in, xd, 0, in, wd, 0, in, o, 0, out, bias, done);
        return o;
    }

    /**
     * The gradients of {@code y = x w^T + b} from {@code g = dL/dy} ({@code rows x out}); {@code b}
     * null when its gradient is taken care of (or there is none).
     */
    static void linearBackward(float[] g, Tensor x, Tensor w, Tensor b, int rows, int in, int out) {
        if (x.requiresGrad) {
            // the input's first gradient overwrites (beta = 0) an unzeroed buffer; later ones add
            boolean fresh = x.grad == null;
            Gemm.sgemm(false, false, rows, in, out, 1f, g, 0, out, w.data(), 0, in, fresh ? 0f : 1f,
                    fresh ? x.freshGradBuf() : x.gradBuf(), 0, in);
        }
        if (w.requiresGrad) Gemm.sgemm(true, false, out, in, rows, 1f, g, 0, out, x.data(), 0, in, 1f, w.gradBuf(), 0, in);
        if (b != null && b.requiresGrad) ColumnSums.add(g, rows, out, b.gradBuf());
    }

    private interface BatchBody {
        void run(int batch);
    }

    /** Runs independent per-batch products in parallel when each is too small to split internally. */
    private static void batched(int batches, BatchBody body, long macsEach) {
        if (batches > 1 && macsEach < (1L << 19)) {
            int per = (int) Math.max(1, (1L << 17) / Math.max(1, macsEach));
            Parallel.forRange(batches, per, (s, e) -> {
                for (int bi = s; bi < e; bi++) body.run(bi);
            });
        } else {
            for (int bi = 0; bi < batches; bi++) body.run(bi);
        }
    }
}
