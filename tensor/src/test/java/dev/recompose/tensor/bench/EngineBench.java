package dev.recompose.tensor.bench;

import dev.recompose.tensor.Functional;
import dev.recompose.tensor.Gemm;
import dev.recompose.tensor.Losses;
import dev.recompose.tensor.Parallel;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Activation;
import dev.recompose.tensor.nn.Dropout;
import dev.recompose.tensor.nn.Embedding;
import dev.recompose.tensor.nn.Init;
import dev.recompose.tensor.nn.LayerNorm;
import dev.recompose.tensor.nn.Linear;
import dev.recompose.tensor.nn.Mlp;
import dev.recompose.tensor.nn.Module;
import dev.recompose.tensor.nn.MultiHeadAttention;
import dev.recompose.tensor.nn.PositionalEmbedding;
import dev.recompose.tensor.optim.Adam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark harness for the tensor engine (a main class with warm-up, not JMH): sgemm shapes, an MLP
 * Adam step and a SASRec-shaped Transformer step, each on 1 and 2 threads; prints one JSON line per figure.
 *
 * <p>Run after {@code ./mvnw -pl tensor test-compile}:
 * {@code java --add-modules jdk.incubator.vector -cp tensor/target/classes:tensor/target/test-classes
 * dev.recompose.tensor.bench.EngineBench [sgemm|mlp|sasrec|all] [threads...]}
 */
public final class EngineBench {
    private EngineBench() {}

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "all";
        List<Integer> threads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) threads.add(Integer.parseInt(args[i]));
        if (threads.isEmpty()) threads = List.of(1, 2);
        for (int t : threads) {
            Parallel.setThreads(t);
            if (what.equals("sgemm") || what.equals("all")) {
                sgemm(1024, 1024, 1024, t);
                sgemm(256, 64, 64, t);
                sgemm(6400, 10000, 64, t);
                // a DeepFM step's products (batch 4096, layers 100 -> 400 -> 400): forward x w^T,
                // input gradient g w, weight gradient g^T x
                sgemm(4096, 400, 100, false, true, t);
                sgemm(4096, 400, 400, false, true, t);
                sgemm(4096, 400, 400, false, false, t);
                sgemm(400, 400, 4096, true, false, t);
            }
            if (what.equals("mlp") || what.equals("all")) mlp(t);
            if (what.equals("sasrec") || what.equals("all")) sasrec(t);
            if (what.equals("sasrec") || what.equals("sasrec-compact") || what.equals("all")) sasrecCompact(t);
        }
    }

    /** Calls per CPU-second of the whole process in the best round of the last {@link #rate} call (diagnostic under load). */
    private static double lastCpuRate;

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    /** Runs {@code body} repeatedly for about {@code seconds} after warm-up; returns calls per wall-clock second (best of 3 rounds). */
    private static double rate(Runnable body, double warmSeconds, double seconds) {
        long end = System.nanoTime() + (long) (warmSeconds * 1e9);
        while (System.nanoTime() < end) body.run();
        double best = 0;
        lastCpuRate = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime(), c0 = processCpuNanos();
            int n = 0;
            long stop = t0 + (long) (seconds / 3 * 1e9);
            do {
                body.run();
                n++;
            } while (System.nanoTime() < stop);
            best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
            long cpu = processCpuNanos() - c0;
            if (cpu > 0) lastCpuRate = Math.max(lastCpuRate, n / (cpu / 1e9));
        }
        return best;
    }

    private static String loadNote() {
        return String.format(",\"per_cpu_s\":%.2f,\"loadavg\":%.2f", lastCpuRate,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Bytes allocated by the calling thread for one call of {@code body} (after warm-up), in MiB. */
    private static double allocatedMiB(Runnable body) {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(id);
        body.run();
        return (mx.getThreadAllocatedBytes(id) - before) / (1024.0 * 1024.0);
    }

    static void sgemm(int m, int n, int k, int threads) {
        sgemm(m, n, k, false, false, threads);
    }

    /** {@code C = op(A) op(B)} with A stored {@code k x m} when transA, B stored {@code n x k} when transB. */
    static void sgemm(int m, int n, int k, boolean transA, boolean transB, int threads) {
        Rng rng = new Rng(1);
        float[] a = Tensor.randn(rng, m * k).data(), b = Tensor.randn(rng, k * n).data();
        float[] c = new float[m * n];
        int lda = transA ? m : k, ldb = transB ? k : n;
        double perSec = rate(() -> Gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n), 2, 3);
        String op = (transA ? "T" : "N") + (transB ? "T" : "N");
        System.out.printf("{\"bench\":\"sgemm\",\"op\":\"%s\",\"m\":%d,\"n\":%d,\"k\":%d,\"threads\":%d,\"gflops\":%.1f,\"gflops_per_cpu\":%.1f%s}%n", op, m, n, k, threads, perSec * 2.0 * m * n * k / 1e9, lastCpuRate * 2.0 * m * n * k / 1e9, loadNote());
    }

    static void mlp(int threads) {
        float[] last = new float[1];
        Runnable step = mlpStep(last);
        double sps = rate(step, 3, 6);
        System.out.printf("{\"bench\":\"mlp64-128-1\",\"batch\":256,\"threads\":%d,\"steps_per_s\":%.1f,\"final_loss\":%.4f,\"alloc_mib_per_step\":%.2f%s}%n",
                threads, sps, last[0], allocatedMiB(step), loadNote());
    }

    /** One Adam step of the MLP 64-128-1 on a fixed batch of 256 (the loss goes to {@code last[0]}). */
    public static Runnable mlpStep(float[] last) {
        Rng rng = new Rng(0);
        var lin1 = new Linear(64, 128, rng);
        var lin2 = new Linear(128, 1, rng);
        Map<String, Tensor> params = new LinkedHashMap<>(lin1.parameters());
        lin2.parameters().forEach((k, v) -> params.put("out." + k, v));
        var opt = new Adam(params, 1e-3);
        Tensor x = Tensor.randn(rng, 256, 64);
        float[] yd = new float[256];
        for (int i = 0; i < 256; i++) yd[i] = x.get(i, 0) > 0 ? 1f : 0f;
        Tensor y = Tensor.of(yd, 256, 1);
        return () -> {
            Tensor h = lin1.forward(x).relu();
            Tensor loss = Losses.bceWithLogits(lin2.forward(h), y);
            loss.backward();
            opt.step();
            opt.zeroGrad();
            last[0] = loss.item();
        };
    }

    /** SASRec (Kang and McAuley 2018) as in the PyTorch peer: pre-LN attention with q = LN(x), k = v = x, ReLU FFN. */
    static final class SasRec extends Module {
        final Embedding item;
        final PositionalEmbedding pos;
        final Dropout drop;
        final List<LayerNorm> lnAttn = new ArrayList<>(), lnFfn = new ArrayList<>();
        final List<MultiHeadAttention> attn = new ArrayList<>();
        final List<Mlp> ffn = new ArrayList<>();
        final LayerNorm lnOut;
        final int hidden;

        SasRec(int items, int maxLen, int hidden, int blocks, float dropout, Rng rng) {
            this.hidden = hidden;
            item = child("item", new Embedding(items + 1, hidden, 0, false, 1f, rng));
            pos = child("pos", new PositionalEmbedding(maxLen, hidden, 1f, rng));
            drop = child("drop", new Dropout(dropout, rng.split()));
            for (int b = 0; b < blocks; b++) {
                lnAttn.add(child("ln_attn" + b, new LayerNorm(hidden, 1e-8f)));
                attn.add(child("attn" + b, new MultiHeadAttention(hidden, 1, dropout, rng)));
                lnFfn.add(child("ln_ffn" + b, new LayerNorm(hidden, 1e-8f)));
                ffn.add(child("ffn" + b, new Mlp(new int[] {hidden, hidden, hidden}, Activation.RELU, dropout, rng)));
            }
            lnOut = child("ln_out", new LayerNorm(hidden, 1e-8f));
            for (var e : parameters().entrySet()) if (e.getValue().dim() > 1) Init.xavierNormal(e.getValue(), rng);
        }

        /**
         * Hidden states of left-padded {@code seq}; {@code pad} (int32 [B, T], non-zero = padding)
         * masks padded keys as the official SASRec code does, which lets the fused kernel skip
         * padded keys and fully padded query rows (their outputs are zeroed by {@code keep} anyway).
         */
        Tensor forward(Tensor seq, Tensor keep, Tensor pad) {
            int b = seq.size(0), t = seq.size(1);
            Tensor x = item.forward(seq).mul((float) Math.sqrt(hidden)).add(pos.forward(t));
            x = drop.forward(x).mul(keep);
            for (int i = 0; i < attn.size(); i++) {
                Tensor q = lnAttn.get(i).forward(x);
                x = q.add(attn.get(i).forward(q, x, x, true, pad));
                x = drop.forward(ffn.get(i).forward(lnFfn.get(i).forward(x))).add(x);
                x = x.mul(keep);
            }
            return lnOut.forward(x);
        }
    }

    /**
     * The same SASRec written on the engine's ragged-batch ops, as {@code models}' SasRec trains:
     * every row-wise layer (embedding, dropout, layer norms, projections, FFN, residuals) runs on
     * the real positions {@code [R, d]} only, and {@link Functional#attentionRows} runs the causal
     * one-head attention on those rows in place. The loss at real positions equals the padded
     * model's; the peer computes the padded positions too and discards them.
     */
    static final class CompactSasRec extends Module {
        final Embedding item, pos;
        final Dropout drop;
        final List<LayerNorm> lnAttn = new ArrayList<>(), lnFfn = new ArrayList<>();
        final List<Linear> wq = new ArrayList<>(), wk = new ArrayList<>(), wv = new ArrayList<>(), wo = new ArrayList<>();
        final List<Mlp> ffn = new ArrayList<>();
        final LayerNorm lnOut;
        final int hidden;
        final float dropout;
        final Rng attnRng;

        CompactSasRec(int items, int maxLen, int hidden, int blocks, float dropout, Rng rng) {
            this.hidden = hidden;
            this.dropout = dropout;
            item = child("item", new Embedding(items + 1, hidden, 0, false, 1f, rng));
            pos = child("pos", new Embedding(maxLen, hidden, rng));
            drop = child("drop", new Dropout(dropout, rng.split()));
            attnRng = rng.split();
            for (int b = 0; b < blocks; b++) {
                lnAttn.add(child("ln_attn" + b, new LayerNorm(hidden, 1e-8f)));
                wq.add(child("q" + b, new Linear(hidden, hidden, rng)));
                wk.add(child("k" + b, new Linear(hidden, hidden, rng)));
                wv.add(child("v" + b, new Linear(hidden, hidden, rng)));
                wo.add(child("o" + b, new Linear(hidden, hidden, rng)));
                lnFfn.add(child("ln_ffn" + b, new LayerNorm(hidden, 1e-8f)));
                ffn.add(child("ffn" + b, new Mlp(new int[] {hidden, hidden, hidden}, Activation.RELU, dropout, rng)));
            }
            lnOut = child("ln_out", new LayerNorm(hidden, 1e-8f));
            for (var e : parameters().entrySet()) if (e.getValue().dim() > 1) Init.xavierNormal(e.getValue(), rng);
        }

        /** Hidden states {@code [R, d]} of the real positions ({@code ids}, {@code positions}: [R]). */
        Tensor forward(Tensor ids, Tensor positions, Tensor pad) {
            Tensor x = item.forward(ids).mul((float) Math.sqrt(hidden)).add(pos.forward(positions));
            x = drop.forward(x);
            for (int i = 0; i < wq.size(); i++) {
                Tensor q = lnAttn.get(i).forward(x);
                Tensor a = Functional.attentionRows(wq.get(i).forward(q), wk.get(i).forward(x), wv.get(i).forward(x), pad,
                        isTraining() ? dropout : 0f, attnRng);
                x = q.add(wo.get(i).forward(a));
                x = drop.forward(ffn.get(i).forward(lnFfn.get(i).forward(x))).add(x);
            }
            return lnOut.forward(x);
        }
    }

    static void sasrecCompact(int threads) {
        float[] last = new float[1];
        Runnable[] steps = sasrecCompactSteps(last);
        double sps = rate(steps[0], 5, 9);
        double forwardMiB = allocatedMiB(steps[1]);
        System.out.printf("{\"bench\":\"sasrec-compact-2block-h64-L50-b128\",\"threads\":%d,\"steps_per_s\":%.2f,\"final_loss\":%.4f,\"alloc_mib_per_step\":%.1f,\"forward_alloc_mib\":%.1f%s}%n",
                threads, sps, last[0], allocatedMiB(steps[0]), forwardMiB, loadNote());
    }

    /** {@link #sasrecSteps} on {@link CompactSasRec}: the same synthetic batch, real rows only. */
    public static Runnable[] sasrecCompactSteps(float[] last) {
        int items = 10_000, len = 50, hidden = 64, batch = 128;
        Rng rng = new Rng(42);
        var model = new CompactSasRec(items, len, hidden, 2, 0.5f, rng);
        var opt = new Adam(model.parameters(), 1e-3, 0.9f, 0.98f, 1e-8f, 0f, false, false);
        Rng data = new Rng(7);
        int[] padFlags = new int[batch * len];
        List<int[]> real = new ArrayList<>(); // {item, position, positive, negative}
        for (int r = 0; r < batch; r++) {
            int k = 5 + data.nextInt(35);
            for (int j = 0; j < len - k; j++) padFlags[r * len + j] = 1;
            for (int j = len - k; j < len; j++) {
                real.add(new int[] {1 + data.nextInt(items), j, 1 + data.nextInt(items), 1 + data.nextInt(items)});
            }
        }
        int n = real.size();
        int[] ids = new int[n], positions = new int[n], pos = new int[n], neg = new int[n];
        for (int i = 0; i < n; i++) {
            int[] e = real.get(i);
            ids[i] = e[0];
            positions[i] = e[1];
            pos[i] = e[2];
            neg[i] = e[3];
        }
        Tensor tIds = Tensor.ofInts(ids, n), tPositions = Tensor.ofInts(positions, n);
        Tensor tPos = Tensor.ofInts(pos, n), tNeg = Tensor.ofInts(neg, n), tPad = Tensor.ofInts(padFlags, batch, len);
        Tensor ones = Tensor.ones(n), zeros = Tensor.zeros(n);
        Runnable forwardOnly = () -> {
            Tensor h = model.forward(tIds, tPositions, tPad);
            Tensor pl = Functional.rowDot(h, model.item.forward(tPos)), nl = Functional.rowDot(h, model.item.forward(tNeg));
            last[0] = Losses.bceWithLogits(pl, ones, null).add(Losses.bceWithLogits(nl, zeros, null)).item();
        };
        Runnable step = () -> {
            Tensor h = model.forward(tIds, tPositions, tPad);
            Tensor pl = Functional.rowDot(h, model.item.forward(tPos)), nl = Functional.rowDot(h, model.item.forward(tNeg));
            Tensor loss = Losses.bceWithLogits(pl, ones, null).add(Losses.bceWithLogits(nl, zeros, null));
            opt.zeroGrad();
            loss.backward();
            opt.step();
            last[0] = loss.item();
        };
        return new Runnable[] {step, () -> {
            forwardOnly.run();
            model.zeroGrad();
        }};
    }

    static void sasrec(int threads) {
        float[] last = new float[1];
        Runnable[] steps = sasrecSteps(last);
        Runnable step = steps[0], forwardOnly = steps[1];
        double sps = rate(step, 5, 9);
        double forwardMiB = allocatedMiB(forwardOnly);
        System.out.printf("{\"bench\":\"sasrec-2block-h64-L50-b128\",\"threads\":%d,\"steps_per_s\":%.2f,\"final_loss\":%.4f,\"alloc_mib_per_step\":%.1f,\"forward_alloc_mib\":%.1f%s}%n",
                threads, sps, last[0], allocatedMiB(step), forwardMiB, loadNote());
    }

    /**
     * The SASRec-shaped training step (2 blocks, h64, L50, b128, items 10k, BCE with one negative,
     * Adam) and its forward pass alone, on a fixed synthetic batch (the loss goes to {@code last[0]}).
     */
    public static Runnable[] sasrecSteps(float[] last) {
        int items = 10_000, len = 50, hidden = 64, batch = 128;
        Rng rng = new Rng(42);
        var model = new SasRec(items, len, hidden, 2, 0.5f, rng);
        var opt = new Adam(model.parameters(), 1e-3, 0.9f, 0.98f, 1e-8f, 0f, false, false);
        Rng data = new Rng(7);
        int[] seq = new int[batch * len], pos = new int[batch * len], neg = new int[batch * len];
        float[] keep = new float[batch * len];
        int[] padFlags = new int[batch * len];
        for (int r = 0; r < batch; r++) {
            int k = 5 + data.nextInt(35);
            for (int j = len - k; j < len; j++) {
                seq[r * len + j] = 1 + data.nextInt(items);
                pos[r * len + j] = 1 + data.nextInt(items);
                neg[r * len + j] = 1 + data.nextInt(items);
                keep[r * len + j] = 1f;
            }
            for (int j = 0; j < len - k; j++) padFlags[r * len + j] = 1;
        }
        Tensor tSeq = Tensor.ofInts(seq, batch, len), tPos = Tensor.ofInts(pos, batch, len), tNeg = Tensor.ofInts(neg, batch, len);
        Tensor tPad = Tensor.ofInts(padFlags, batch, len);
        Tensor tKeep = Tensor.of(keep, batch, len, 1), mask = Tensor.of(keep.clone(), batch, len);
        Tensor ones = Tensor.ones(batch, len), zeros = Tensor.zeros(batch, len);
        Runnable step = () -> {
            Tensor h = model.forward(tSeq, tKeep, tPad);
            Tensor pe = model.item.forward(tPos), ne = model.item.forward(tNeg);
            Tensor pl = Functional.rowDot(h, pe), nl = Functional.rowDot(h, ne);
            Tensor loss = Losses.bceWithLogits(pl, ones, mask).add(Losses.bceWithLogits(nl, zeros, mask));
            opt.zeroGrad();
            loss.backward();
            opt.step();
            last[0] = loss.item();
        };
        Runnable forwardOnly = () -> {
            Tensor h = model.forward(tSeq, tKeep, tPad);
            Tensor pe = model.item.forward(tPos), ne = model.item.forward(tNeg);
            Tensor pl = Functional.rowDot(h, pe), nl = Functional.rowDot(h, ne);
            Losses.bceWithLogits(pl, ones, mask).add(Losses.bceWithLogits(nl, zeros, mask));
        };
        return new Runnable[] {step, () -> {
            forwardOnly.run();
            model.zeroGrad();
        }};
    }
}
