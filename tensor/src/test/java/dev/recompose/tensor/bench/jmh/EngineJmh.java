package dev.recompose.tensor.bench.jmh;

import dev.recompose.tensor.Gemm;
import dev.recompose.tensor.Parallel;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.bench.EngineBench;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the engine (issue 3's speed section): sgemm on the recommender shapes, the MLP
 * 64-128-1 Adam step and the SASRec-shaped training step, each at the thread count {@code threads}.
 *
 * <p>It exists next to the main-class harness {@link EngineBench} (which the peer scripts
 * interleave with PyTorch) so that the same steps can be measured with JMH's forking, warm-up and
 * error bars. Compiled only with {@code -Pjmh}; run with {@code benchmarks/run-jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class EngineJmh {
    @Param({"1", "2"})
    public int threads;

    private float[] a256, b64, c256;
    private float[] a6400, b10000, c6400;
    private Runnable mlp, sasrec;
    private final float[] last = new float[1];

    @Setup
    public void setUp() {
        Parallel.setThreads(threads);
        Rng rng = new Rng(1);
        a256 = Tensor.randn(rng, 256 * 64).data();
        b64 = Tensor.randn(rng, 64 * 64).data();
        c256 = new float[256 * 64];
        a6400 = Tensor.randn(rng, 6400 * 64).data();
        b10000 = Tensor.randn(rng, 64 * 10_000).data();
        c6400 = new float[6400 * 10_000];
        mlp = EngineBench.mlpStep(last);
        sasrec = EngineBench.sasrecSteps(last)[0];
    }

    /** 256x64 times 64x64 (a batch through a hidden layer); ops/s x 2.1 MFLOP = FLOP/s. */
    @Benchmark
    public float[] sgemm256x64x64() {
        Gemm.sgemm(false, false, 256, 64, 64, 1f, a256, 0, 64, b64, 0, 64, 0f, c256, 0, 64);
        return c256;
    }

    /** 6400x64 times 64x10000 (positions against an item table); ops/s x 8.19 GFLOP = FLOP/s. */
    @Benchmark
    public float[] sgemm6400x64x10000() {
        Gemm.sgemm(false, false, 6400, 10_000, 64, 1f, a6400, 0, 64, b10000, 0, 10_000, 0f, c6400, 0, 10_000);
        return c6400;
    }

    /** One Adam step of the MLP 64-128-1 on a batch of 256. */
    @Benchmark
    public void mlpStep(Blackhole bh) {
        mlp.run();
        bh.consume(last[0]);
    }

    /** One training step of the 2-block SASRec (h64, L50, b128, items 10k, BCE, Adam). */
    @Benchmark
    public void sasrecStep(Blackhole bh) {
        sasrec.run();
        bh.consume(last[0]);
    }
}
