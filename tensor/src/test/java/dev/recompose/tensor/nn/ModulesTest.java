package dev.recompose.tensor.nn;

import dev.recompose.tensor.GradCheck;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** Module wiring: parameter naming, modes, reproducible init and gradient checks through whole bricks. */
class ModulesTest {
    private final Rng rng = new Rng(7);

    /** Gradient-checks a module's output with respect to its parameters and the given float inputs. */
    private static void checkModule(Module m, Supplier<Tensor> forward, Tensor... inputs) {
        List<Tensor> all = new ArrayList<>(m.parameters().values());
        all.addAll(List.of(inputs));
        GradCheck.check(in -> forward.get(), all, 1e-2f, 3e-2f);
    }

    @Test
    void parameterNamesAreDottedAndStable() {
        var block = new TransformerBlock(8, 2, 16, 0f, true, Activation.GELU, 1e-5f, new Rng(1));
        List<String> names = new ArrayList<>(block.parameters().keySet());
        assertEquals(List.of("attention.query.weight", "attention.query.bias", "attention.key.weight", "attention.key.bias",
                "attention.value.weight", "attention.value.bias", "attention.output.weight", "attention.output.bias",
                "norm1.weight", "norm1.bias", "ffn.0.weight", "ffn.0.bias", "ffn.1.weight", "ffn.1.bias", "norm2.weight", "norm2.bias"), names);
        assertEquals(4 * (64 + 8) + 2 * 16 + (8 * 16 + 16) + (16 * 8 + 8), block.parameterCount());
    }

    @Test
    void trainEvalPropagates() {
        var mlp = new Mlp(new int[] {4, 8, 1}, Activation.RELU, 0.5f, rng);
        mlp.eval();
        Tensor x = Tensor.randn(rng, 3, 4);
        assertArrayEquals(mlp.forward(x).data(), mlp.forward(x).data(), 0f, "eval mode is deterministic");
        assertFalse(mlp.layers().getFirst().isTraining());
        mlp.train();
        assertTrue(mlp.layers().getFirst().isTraining());
    }

    @Test
    void initialisersAreBitReproducible() {
        for (int seed = 0; seed < 3; seed++) {
            assertArrayEquals(Init.xavierUniform(Tensor.zeros(8, 4), new Rng(seed)).data(), Init.xavierUniform(Tensor.zeros(8, 4), new Rng(seed)).data(), 0f);
            assertArrayEquals(Init.truncatedNormal(Tensor.zeros(50), 0.02f, new Rng(seed)).data(), Init.truncatedNormal(Tensor.zeros(50), 0.02f, new Rng(seed)).data(), 0f);
        }
        float[] t = Init.truncatedNormal(Tensor.zeros(10_000), 1f, new Rng(3)).data();
        for (float v : t) assertTrue(Math.abs(v) <= 2f);
        float[] k = Init.kaimingNormal(Tensor.zeros(200, 100), new Rng(3)).data();
        double var = 0;
        for (float v : k) var += v * v;
        assertEquals(2.0 / 100, var / k.length, 0.002);
        float[] x = Init.xavierUniform(Tensor.zeros(30, 10), new Rng(3)).data();
        float a = (float) Math.sqrt(6.0 / 40);
        for (float v : x) assertTrue(Math.abs(v) <= a);
    }

    @Test
    void linearAndMlp() {
        var lin = new Linear(3, 2, rng);
        Tensor x = Tensor.randn(rng, 4, 3).requiresGrad(true);
        checkModule(lin, () -> lin.forward(x), x);
        var mlp = new Mlp(new int[] {3, 5, 2}, Activation.TANH, 0f, rng);
        checkModule(mlp, () -> mlp.forward(x), x);
    }

    @Test
    void embeddingPaddingRowIsZero() {
        var emb = new Embedding(5, 3, 0, true, 1f, rng);
        assertArrayEquals(new float[3], emb.forward(Tensor.ofInts(new int[] {0}, 1)).data(), 0f);
        assertArrayEquals(new int[] {2, 2, 3}, emb.forward(Tensor.ofInts(new int[] {0, 1, 2, 3}, 2, 2)).shape());
        assertThrows(IndexOutOfBoundsException.class, () -> emb.forward(Tensor.ofInts(new int[] {5}, 1)));
    }

    @Test
    void attentionAndTransformerBlocks() {
        Tensor x = Tensor.randn(rng, 2, 3, 4).requiresGrad(true);
        Tensor pad = Tensor.ofInts(new int[] {0, 0, 1, 0, 0, 0}, 2, 3);
        var mha = new MultiHeadAttention(4, 2, 0f, rng);
        checkModule(mha, () -> mha.forward(x, true, pad), x);
        for (boolean pre : new boolean[] {true, false}) {
            var block = new TransformerBlock(4, 2, 6, 0f, pre, Activation.GELU, 1e-5f, rng);
            checkModule(block, () -> block.forward(x, false, pad), x);
        }
    }

    @Test
    void gruMatchesStepByStepCells() {
        var gru = new Gru(3, 4, rng);
        Tensor x = Tensor.randn(rng, 2, 3, 3).requiresGrad(true);
        checkModule(gru, () -> gru.forward(x, null).outputs(), x);
        var out = gru.forward(x, null);
        assertArrayEquals(new int[] {2, 3, 4}, out.outputs().shape());
        Tensor h = Tensor.zeros(2, 4);
        for (int t = 0; t < 3; t++) h = gru.cell(x.slice(1, t, t + 1).reshape(2, 3), h);
        assertArrayEquals(h.data(), out.last().data(), 1e-6f);
    }

    @Test
    void convolutionAndTextCnn() {
        Tensor x = Tensor.randn(rng, 2, 5, 3).requiresGrad(true);
        var conv = new Conv1d(3, 2, 3, 1, rng);
        checkModule(conv, () -> conv.forward(x), x);
        var cnn = new TextCnn(3, 4, new int[] {1, 3}, rng);
        assertArrayEquals(new int[] {2, 8}, cnn.forward(x).shape());
        checkModule(cnn, () -> cnn.forward(x), x);
    }

    @Test
    void additiveAttentionIgnoresPadding() {
        var att = new AdditiveAttention(3, 5, rng);
        Tensor x = Tensor.randn(rng, 2, 4, 3).requiresGrad(true);
        Tensor pad = Tensor.ofInts(new int[] {0, 0, 1, 1, 0, 0, 0, 0}, 2, 4);
        checkModule(att, () -> att.forward(x, pad), x);
        Tensor changed = x.detach().copy();
        changed.data()[2 * 3] = 100f;
        assertArrayEquals(att.forward(x.detach(), pad).slice(0, 0, 1).data(), att.forward(changed, pad).slice(0, 0, 1).data(), 1e-6f);
    }

    @Test
    void additiveAttentionPoolsAFullyPaddedRowToZerosWithoutNaN() {
        var att = new AdditiveAttention(3, 5, rng);
        Tensor x = Tensor.randn(rng, 2, 4, 3).requiresGrad(true);
        Tensor pad = Tensor.ofInts(new int[] {1, 1, 1, 1, 0, 1, 0, 0}, 2, 4);
        Tensor out = att.forward(x, pad);
        assertArrayEquals(new float[] {0f, 0f, 0f}, out.slice(0, 0, 1).data(), 0f);
        out.sum().backward();
        for (float g : x.grad().data()) assertTrue(Float.isFinite(g), "gradient is finite");
        checkModule(att, () -> att.forward(x, pad), x);
    }

    @Test
    void crossNetworks() {
        Tensor x = Tensor.randn(rng, 3, 4).requiresGrad(true);
        var v1 = new CrossNetwork(4, 2, rng);
        checkModule(v1, () -> v1.forward(x), x);
        var v2 = new CrossNetworkV2(4, 2, rng);
        checkModule(v2, () -> v2.forward(x), x);
    }

    @Test
    void factorizationMachineEqualsPairwiseSum() {
        Tensor v = Tensor.randn(rng, 2, 4, 3).requiresGrad(true);
        var fm = new FactorizationMachine();
        Tensor y = fm.forward(v);
        for (int b = 0; b < 2; b++) {
            double s = 0;
            for (int i = 0; i < 4; i++)
                for (int j = i + 1; j < 4; j++)
                    for (int k = 0; k < 3; k++) s += v.get(b, i, k) * v.get(b, j, k);
            assertEquals(s, y.get(b, 0), 1e-4);
        }
        checkModule(fm, () -> fm.forward(v), v);
    }

    @Test
    void positionalEmbeddings() {
        var pos = new PositionalEmbedding(10, 4, 0.02f, rng);
        assertArrayEquals(new int[] {6, 4}, pos.forward(6).shape());
        Tensor s = PositionalEmbedding.sinusoidal(3, 4);
        assertEquals(0f, s.get(0, 0));
        assertEquals(1f, s.get(0, 1));
        assertEquals(Math.sin(1), s.get(1, 0), 1e-6);
    }

    @Test
    void loadWithRenamingMapsForeignCheckpointNames() {
        var block = new TransformerBlock(4, 2, 8, 0f, false, Activation.GELU, 1e-12f, new Rng(1));
        java.util.Map<String, Tensor> bert = new java.util.HashMap<>();
        java.util.Map<String, String> toBert = java.util.Map.of(
                "attention.query", "attention.self.query", "attention.key", "attention.self.key",
                "attention.value", "attention.self.value", "attention.output", "attention.output.dense",
                "norm1", "attention.output.LayerNorm", "ffn.0", "intermediate.dense", "ffn.1", "output.dense", "norm2", "output.LayerNorm");
        java.util.function.Function<String, String> rename = name -> {
            int dot = name.lastIndexOf('.');
            String mapped = toBert.get(name.substring(0, dot));
            return mapped == null ? null : "encoder.layer.11." + mapped + name.substring(dot);
        };
        Rng rng = new Rng(2);
        block.parameters().forEach((name, t) -> bert.put(rename.apply(name), Tensor.randn(rng, t.shape())));
        assertEquals(16, block.load(bert, rename, true).size());
        assertArrayEquals(bert.get("encoder.layer.11.intermediate.dense.weight").data(), block.parameters().get("ffn.0.weight").data(), 0f);
    }

    @Test
    void loadCopiesByNameAndChecksShapes() {
        var a = new Linear(3, 2, new Rng(1));
        var b = new Linear(3, 2, new Rng(2));
        b.load(a.parameters(), true);
        assertArrayEquals(a.weight().data(), b.weight().data(), 0f);
        var c = new Linear(2, 2, new Rng(3));
        assertThrows(IllegalArgumentException.class, () -> c.load(a.parameters(), true));
    }
}
