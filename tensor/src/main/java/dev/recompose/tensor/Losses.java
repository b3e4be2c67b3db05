package dev.recompose.tensor;

import java.util.Arrays;

/**
 * Training losses with fused, numerically stable forward and backward passes.
 *
 * <p>Recommenders train on binary click labels (CTR), on a softmax over the whole item catalogue
 * (SeqRec with full cross-entropy, e.g. SASRec-CE) or on sampled negatives; each is one tape node
 * here, and the full-catalogue loss is chunked so that {@code batch x items} logits never exist at
 * once.
 */
public final class Losses {
    private Losses() {}

    /** Mean binary cross-entropy on logits: {@code mean(max(x,0) - x*y + log(1 + e^-|x|))}. */
    public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
        return bceWithLogits(logits, targets, null);
    }

    /**
     * Weighted binary cross-entropy on logits, normalised by the weight sum ({@code weights} of the
     * same shape, e.g. a 0/1 mask of real positions; null for a plain mean).
     */
    public static Tensor bceWithLogits(Tensor logits, Tensor targets, Tensor weights) {
        if (!Arrays.equals(logits.shapeRef(), targets.shapeRef())) {
            throw new IllegalArgumentException("bceWithLogits: logits " + Shapes.str(logits.shapeRef()) + " and targets " + Shapes.str(targets.shapeRef()) + " differ");
        }
        if (weights != null && !Arrays.equals(weights.shapeRef(), logits.shapeRef())) {
            throw new IllegalArgumentException("bceWithLogits: weights " + Shapes.str(weights.shapeRef()) + " and logits " + Shapes.str(logits.shapeRef()) + " differ");
        }
        float[] x = logits.data(), y = targets.data(), w = weights == null ? null : weights.data();
        double total = 0, wsum = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) continue;
            float v = x[i];
            total += wi * (Math.max(v, 0) - v * y[i] + Math.log1p(Math.exp(-Math.abs(v))));
            wsum += wi;
        }
        float norm = wsum > 0 ? (float) (1 / wsum) : 0f;
        return Tensor.result(new float[] {(float) (total * norm)}, new int[0], g -> {
            float s = g[0] * norm;
            if (logits.requiresGrad) {
                float[] gx = logits.gradBuf();
                for (int i = 0; i < x.length; i++) {
                    float wi = w == null ? 1f : w[i];
                    if (wi != 0f) gx[i] += s * wi * (Elementwise.sigmoid(x[i]) - y[i]);
                }
            }
            if (targets.requiresGrad) {
                float[] gy = targets.gradBuf();
                for (int i = 0; i < x.length; i++) gy[i] -= s * (w == null ? 1f : w[i]) * x[i];
            }
        }, logits, targets);
    }

    /** Mean squared error {@code mean((pred - target)^2)} (rating prediction); shapes must match. */
    public static Tensor mse(Tensor pred, Tensor target) {
        if (!Arrays.equals(pred.shapeRef(), target.shapeRef())) {
            throw new IllegalArgumentException("mse: prediction " + Shapes.str(pred.shapeRef()) + " and target " + Shapes.str(target.shapeRef()) + " differ");
        }
        return pred.sub(target).square().mean();
    }

    /**
     * Bayesian personalised ranking loss (Rendle et al. 2009): {@code mean(-log sigmoid(pos - neg))},
     * computed stably as {@code mean(softplus(neg - pos))}; scores of equal shape.
     */
    public static Tensor bpr(Tensor positiveScores, Tensor negativeScores) {
        if (!Arrays.equals(positiveScores.shapeRef(), negativeScores.shapeRef())) {
            throw new IllegalArgumentException("bpr: positive " + Shapes.str(positiveScores.shapeRef()) + " and negative " + Shapes.str(negativeScores.shapeRef()) + " scores differ");
        }
        return negativeScores.sub(positiveScores).softplus().mean();
    }

    /**
     * Mean softmax cross-entropy of {@code logits [N, C]} against int32 class {@code targets [N]};
     * targets below 0 are ignored (and excluded from the mean).
     */
    public static Tensor crossEntropy(Tensor logits, Tensor targets) {
        if (logits.dim() != 2 || !targets.isInt() || targets.numel() != logits.size(0)) {
            throw new IllegalArgumentException("crossEntropy needs logits [N, C] and int32 targets [N], got " + Shapes.str(logits.shapeRef()) + " and " + Shapes.str(targets.shapeRef()));
        }
        int n = logits.size(0), c = logits.size(1);
        float[] x = logits.data();
        int[] t = targets.ints;
        float[] lse = new float[n];
        double total = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (t[i] < 0) continue;
            if (t[i] >= c) throw new IndexOutOfBoundsException("target " + t[i] + " outside " + c + " classes");
            int base = i * c;
            float mx = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) mx = Math.max(mx, x[base + j]);
            double s = 0;
            for (int j = 0; j < c; j++) s += Math.exp(x[base + j] - mx);
            lse[i] = (float) (mx + Math.log(s));
            total += lse[i] - x[base + t[i]];
            count++;
        }
        float norm = count > 0 ? 1f / count : 0f;
        return Tensor.result(new float[] {(float) (total * norm)}, new int[0], g -> {
            float[] gx = logits.gradBuf();
            float s = g[0] * norm;
            for (int i = 0; i < n; i++) {
                if (t[i] < 0) continue;
                int base = i * c;
                for (int j = 0; j < c; j++) gx[base + j] += s * (float) Math.exp(x[base + j] - lse[i]);
                gx[base + t[i]] -= s;
            }
        }, logits);
    }

    /**
     * Mean cross-entropy of a softmax over a whole item table, fused and chunked: logits are
     * {@code hidden [N, d] @ table [V, d]^T}, computed {@code chunk} items at a time with an online
     * log-sum-exp and recomputed in the backward pass, so memory is {@code N x chunk}, never
     * {@code N x V}. Targets below 0 are ignored. Rows in {@code [0, excludeBelow)} of the table
     * (e.g. a padding item 0) take no part in the softmax.
     */
    public static Tensor fullSoftmaxCrossEntropy(Tensor hidden, Tensor table, Tensor targets, int chunk, int excludeBelow) {
        if (hidden.dim() != 2 || table.dim() != 2 || hidden.size(1) != table.size(1)) {
            throw new IllegalArgumentException("fullSoftmaxCrossEntropy: hidden " + Shapes.str(hidden.shapeRef()) + " does not match table " + Shapes.str(table.shapeRef()));
        }
        if (!targets.isInt() || targets.numel() != hidden.size(0)) {
            throw new IllegalArgumentException("targets must be int32 [" + hidden.size(0) + "], got " + Shapes.str(targets.shapeRef()));
        }
        if (chunk < 1) throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        int n = hidden.size(0), d = hidden.size(1), v = table.size(0);
        float[] h = hidden.data(), w = table.data();
        int[] t = targets.ints;
        int count = 0;
        float[] tgtLogit = new float[n];
        for (int i = 0; i < n; i++) {
            if (t[i] < 0) continue;
            if (t[i] < excludeBelow || t[i] >= v) throw new IndexOutOfBoundsException("target " + t[i] + " outside items [" + excludeBelow + ", " + v + ")");
            count++;
            float s = 0f;
            for (int q = 0; q < d; q++) s += h[i * d + q] * w[t[i] * d + q];
            tgtLogit[i] = s;
        }
        float[] runMax = new float[n], runSum = new float[n];
        Arrays.fill(runMax, Float.NEGATIVE_INFINITY);
        int cs = Math.min(chunk, Math.max(1, v - excludeBelow));
        float[] buf = new float[n * cs];
        for (int c0 = excludeBelow; c0 < v; c0 += cs) {
            int len = Math.min(cs, v - c0);
            Gemm.sgemm(false, true, n, len, d, 1f, h, 0, d, w, c0 * d, d, 0f, buf, 0, len);
            for (int i = 0; i < n; i++) {
                int base = i * len;
                float mx = runMax[i];
                for (int j = 0; j < len; j++) mx = Math.max(mx, buf[base + j]);
                float s = runSum[i] * (float) Math.exp(runMax[i] - mx);
                for (int j = 0; j < len; j++) s += (float) Math.exp(buf[base + j] - mx);
                runMax[i] = mx;
                runSum[i] = s;
            }
        }
        float[] lse = new float[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            lse[i] = runMax[i] + (float) Math.log(runSum[i]);
            if (t[i] >= 0) total += lse[i] - tgtLogit[i];
        }
        float norm = count > 0 ? 1f / count : 0f;
        return Tensor.result(new float[] {(float) (total * norm)}, new int[0], g -> {
            float s = g[0] * norm;
            float[] gh = hidden.requiresGrad ? hidden.gradBuf() : null;
            float[] gw = table.requiresGrad ? table.gradBuf() : null;
            float[] p = new float[n * cs];
            for (int c0 = excludeBelow; c0 < v; c0 += cs) {
                int len = Math.min(cs, v - c0);
                Gemm.sgemm(false, true, n, len, d, 1f, h, 0, d, w, c0 * d, d, 0f, p, 0, len);
                for (int i = 0; i < n; i++) {
                    int base = i * len;
                    if (t[i] < 0) {
                        Arrays.fill(p, base, base + len, 0f);
                        continue;
                    }
                    for (int j = 0; j < len; j++) p[base + j] = s * (float) Math.exp(p[base + j] - lse[i]);
                    int tj = t[i] - c0;
                    if (tj >= 0 && tj < len) p[base + tj] -= s;
                }
                if (gh != null) Gemm.sgemm(false, false, n, d, len, 1f, p, 0, len, w, c0 * d, d, 1f, gh, 0, d);
                if (gw != null) Gemm.sgemm(true, false, len, d, n, 1f, p, 0, len, h, 0, d, 1f, gw, c0 * d, d);
            }
        }, hidden, table);
    }

    /**
     * Sampled softmax cross-entropy (Jean et al. 2015; Bengio and Senecal 2008): each row scores its
     * positive item against {@code negatives [N, m]} drawn from the table, optionally corrected by
     * subtracting {@code logQ [N, m+1]} (log sampling probabilities; null for none). Composed of
     * primitive ops, so its gradient follows from theirs; accidental hits are not masked.
     */
    public static Tensor sampledSoftmax(Tensor hidden, Tensor table, Tensor positives, Tensor negatives, Tensor logQ) {
        if (hidden.dim() != 2 || !positives.isInt() || positives.numel() != hidden.size(0)) {
            throw new IllegalArgumentException("sampledSoftmax needs hidden [N, d] and int32 positives [N], got " + Shapes.str(hidden.shapeRef()) + " and " + Shapes.str(positives.shapeRef()));
        }
        if (!negatives.isInt() || negatives.dim() != 2 || negatives.size(0) != hidden.size(0)) {
            throw new IllegalArgumentException("negatives must be int32 [" + hidden.size(0) + ", m], got " + Shapes.str(negatives.shapeRef()));
        }
        int n = hidden.size(0), d = hidden.size(1), m = negatives.size(1);
        Tensor pos = Functional.embedding(table, positives, -1, false);
        Tensor neg = Functional.embedding(table, negatives, -1, false);
        Tensor posLogit = hidden.mul(pos).sum(1, true);
        Tensor negLogit = neg.matmul(hidden.reshape(n, d, 1)).reshape(n, m);
        Tensor logits = Tensor.concat(1, posLogit, negLogit);
        if (logQ != null) logits = logits.sub(logQ);
        return crossEntropy(logits, Tensor.zerosInt(n));
    }
}
