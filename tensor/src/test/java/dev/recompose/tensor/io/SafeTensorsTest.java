package dev.recompose.tensor.io;

import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Linear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Round trips, module checkpoints, and interoperability with an independent numpy reader and writer. */
class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsValuesShapesAndMetadata() throws Exception {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Tensor.randn(new Rng(1), 3, 4));
        m.put("ids", Tensor.ofInts(new int[] {1, -2, 3}, 3));
        m.put("s", Tensor.scalar(2.5f));
        Path p = dir.resolve("a.safetensors");
        SafeTensors.write(p, m, Map.of("format", "pt", "note", "quote \" and \\"));
        var back = SafeTensors.readAll(p);
        assertEquals(m.keySet(), back.tensors().keySet());
        assertArrayEquals(m.get("w").data(), back.tensors().get("w").data(), 0f);
        assertArrayEquals(new int[] {3, 4}, back.tensors().get("w").shape());
        assertArrayEquals(new int[] {1, -2, 3}, back.tensors().get("ids").intData());
        assertEquals(0, back.tensors().get("s").dim());
        assertEquals("quote \" and \\", back.metadata().get("note"));
        assertEquals(0, (Files.size(p) - 8 - 4 * 16) % 8, "header padded to 8 bytes");
    }

    @Test
    void moduleCheckpointLoadsByName() throws Exception {
        var a = new Linear(4, 3, new Rng(1));
        var b = new Linear(4, 3, new Rng(2));
        Path p = dir.resolve("lin.safetensors");
        SafeTensors.save(a, p, Map.of());
        assertEquals(java.util.List.of("weight", "bias"), SafeTensors.load(b, p, true));
        assertArrayEquals(a.weight().data(), b.weight().data(), 0f);
    }

    @Test
    void rejectsCorruptOffsets() throws Exception {
        Path p = dir.resolve("bad.safetensors");
        byte[] h = "{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}".getBytes(StandardCharsets.US_ASCII);
        var buf = java.nio.ByteBuffer.allocate(8 + h.length + 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buf.putLong(h.length).put(h);
        Files.write(p, buf.array());
        var e = assertThrows(java.io.IOException.class, () -> SafeTensors.read(p));
        assertTrue(e.getMessage().contains("offsets"), e.getMessage());
    }

    private static boolean numpyAvailable() {
        try {
            Process pr = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return pr.waitFor(30, TimeUnit.SECONDS) && pr.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(String script, Path arg) throws Exception {
        Process pr = new ProcessBuilder("python3", "-c", script, arg.toString()).redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pr.waitFor(60, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, pr.exitValue(), out);
        return out.trim();
    }

    @Test
    void numpyReadsWhatWeWriteAndWeReadWhatNumpyWrites() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy not found; skipping the numpy interoperability check");
        Map<String, Tensor> m = new LinkedHashMap<>();
        float[] w = new float[6];
        for (int i = 0; i < 6; i++) w[i] = i * 0.5f - 1f;
        m.put("layer.weight", Tensor.of(w, 2, 3));
        m.put("ids", Tensor.ofInts(new int[] {7, 8, 9, 10}, 2, 2));
        Path p = dir.resolve("java.safetensors");
        SafeTensors.write(p, m, Map.of("by", "recompose"));
        String check = """
                import json, struct, sys, numpy as np
                raw = open(sys.argv[1], 'rb').read()
                n = struct.unpack('<Q', raw[:8])[0]
                hdr = json.loads(raw[8:8 + n])
                data = raw[8 + n:]
                def get(name, dt):
                    e = hdr[name]; b, en = e['data_offsets']
                    return np.frombuffer(data[b:en], dtype=dt).reshape(e['shape'])
                w = get('layer.weight', '<f4'); ids = get('ids', '<i4')
                assert hdr['layer.weight']['dtype'] == 'F32' and hdr['ids']['dtype'] == 'I32'
                assert hdr['__metadata__'] == {'by': 'recompose'}
                assert np.array_equal(w, (np.arange(6, dtype=np.float32) * 0.5 - 1).reshape(2, 3)), w
                assert np.array_equal(ids, np.array([[7, 8], [9, 10]], dtype=np.int32)), ids
                print('ok', w.shape, ids.shape)
                """;
        assertEquals("ok (2, 3) (2, 2)", run(check, p));

        Path q = dir.resolve("numpy.safetensors");
        String write = """
                import json, struct, sys, numpy as np
                a = (np.arange(12, dtype=np.float32) / 4).reshape(3, 4)
                h = np.array([1.5, -2.25], dtype=np.float16)
                i = np.array([3, 4, 5], dtype=np.int64)
                hdr = {'a': {'dtype': 'F32', 'shape': [3, 4], 'data_offsets': [0, 48]},
                       'h': {'dtype': 'F16', 'shape': [2], 'data_offsets': [48, 52]},
                       'i': {'dtype': 'I64', 'shape': [3], 'data_offsets': [52, 76]}}
                hb = json.dumps(hdr).encode()
                open(sys.argv[1], 'wb').write(struct.pack('<Q', len(hb)) + hb + a.tobytes() + h.tobytes() + i.tobytes())
                print('written')
                """;
        assertEquals("written", run(write, q));
        Map<String, Tensor> back = SafeTensors.read(q);
        assertEquals(2.75f, back.get("a").get(2, 3));
        assertArrayEquals(new float[] {1.5f, -2.25f}, back.get("h").data(), 0f);
        assertArrayEquals(new int[] {3, 4, 5}, back.get("i").intData());
    }
}
