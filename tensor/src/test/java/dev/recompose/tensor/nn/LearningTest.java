package dev.recompose.tensor.nn;

import dev.recompose.tensor.Losses;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.optim.Adam;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end learning: the engine, modules and optimizers together solve small tasks. */
class LearningTest {
    @Test
    void mlpLearnsXor() {
        Rng rng = new Rng(3);
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        var lin1 = new Linear(2, 16, rng);
        var lin2 = new Linear(16, 1, rng);
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.putAll(lin1.parameters());
        lin2.parameters().forEach((k, v) -> params.put("out." + k, v));
        var opt = new Adam(params, 0.05);
        float loss = 1f;
        for (int step = 0; step < 500; step++) {
            Tensor h = lin1.forward(x).relu();
            Tensor l = Losses.bceWithLogits(lin2.forward(h), y);
            l.backward();
            opt.step();
            opt.zeroGrad();
            loss = l.item();
        }
        assertTrue(loss < 0.02f, "XOR loss " + loss);
        float[] p = lin2.forward(lin1.forward(x).relu()).sigmoid().data();
        assertTrue(p[0] < 0.1 && p[1] > 0.9 && p[2] > 0.9 && p[3] < 0.1, java.util.Arrays.toString(p));
    }

    /** Tiny model: token + position embeddings, one causal Transformer block, tied output over the vocabulary. */
    private static final class Copier extends Module {
        final Embedding tokens;
        final PositionalEmbedding positions;
        final TransformerBlock block;
        final LayerNorm norm;

        Copier(int vocab, int dim, int len, Rng rng) {
            tokens = child("tokens", new Embedding(vocab, dim, -1, false, 0.3f, rng));
            positions = child("positions", new PositionalEmbedding(len, dim, 0.3f, rng));
            block = child("block", new TransformerBlock(dim, 2, 2 * dim, 0f, true, Activation.RELU, 1e-5f, rng));
            norm = child("norm", new LayerNorm(dim));
        }

        Tensor logits(Tensor ids) {
            int b = ids.size(0), t = ids.size(1);
            Tensor h = tokens.forward(ids).add(positions.forward(t));
            h = norm.forward(block.forward(h, true, null));
            return h.reshape(b * t, -1).matmulT(tokens.weight());
        }
    }

    @Test
    void transformerLearnsToCopyThePreviousToken() {
        int vocab = 8, len = 6, batch = 32, dim = 32;
        Rng rng = new Rng(11);
        var model = new Copier(vocab, dim, len, rng);
        var opt = new Adam(model.parameters(), 0.01);
        Rng data = new Rng(12);
        float loss = 10f;
        for (int step = 0; step < 300; step++) {
            int[] ids = new int[batch * len], tgt = new int[batch * len];
            for (int i = 0; i < ids.length; i++) ids[i] = data.nextInt(vocab);
            for (int i = 0; i < ids.length; i++) tgt[i] = i % len == 0 ? -1 : ids[i - 1];
            Tensor l = Losses.crossEntropy(model.logits(Tensor.ofInts(ids, batch, len)), Tensor.ofInts(tgt, batch * len));
            l.backward();
            opt.step();
            opt.zeroGrad();
            loss = l.item();
        }
        assertTrue(loss < 0.05f, "copy-task loss " + loss);
    }
}
