package dev.recompose.models.repr.sid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.progress.ProgressFactory;
import dev.recompose.data.store.ContentDigest;
import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetWriter;
import dev.recompose.data.store.Provenance;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persisted quantiser of a semantic-ID column codes new items like the fit coded old ones. */
class SidQuantizerTest {
  @TempDir Path tmp;

  private static Dataset items(Path dir, float[] x, int d) throws IOException {
    try (DatasetWriter w = DatasetWriter.create(dir, true)) {
      w.table("items", "items").vectors("emb", x, d, "test vectors");
      w.commit("t", null, new Provenance("test", null, null, null, null, null, null), null);
    }
    return Dataset.open(dir);
  }


  @Test
  void rqKMeansRoundTripReproducesStoredCodes() throws Exception {
    int n = 4 * 4 * 5;
    int d = 8;
    float[] x = RqKMeansTest.planted(4, 4, 5, d, new int[n], new int[n], 5);
    Dataset ds = items(tmp.resolve("k"), x, d);
    SemanticIds s = SidColumns.writeRqKMeans(ds, "emb", "sid",
        new RqKMeansConfig(2, 4, 20, 0, 1000, 0, 50, 1));
    Dataset re = Dataset.open(ds.dir());
    Path file = SidQuantizer.file(re.dir(), "sid");
    assertTrue(Files.exists(file), "quantiser written next to the column");
    String note = re.manifest().provenance().notes().get("repr.sid.sid.quantizer");
    assertTrue(note.startsWith("items.sid.quantizer.safetensors (safetensors, format "
        + SidQuantizer.FORMAT + ", rq-kmeans"), note);
    assertTrue(note.contains("sha256 " + ContentDigest.ofFile(file)), note);

    SidQuantizer q = SidQuantizer.load(re, "sid");
    assertEquals("rq-kmeans", q.method());
    assertEquals(2, q.levels());
    for (int l = 0; l < 2; l++) {
      assertArrayEquals(s.codebooks()[l], q.codebook(l), "codebook " + l + " bit-exact");
    }
    assertArrayEquals(s.raw(), q.code(x, n), "fitted items coded as stored");
    // the file is plain safetensors: codebooks by name, metadata describing them
    SafeTensors.Contents c = SafeTensors.readAll(file);
    Tensor b0 = c.tensors().get("codebook.0");
    assertArrayEquals(new int[] {4, d}, b0.shape());
    assertEquals("2", c.metadata().get("levels"));

    // a near-duplicate of item 7 gets item 7's codes and the next free disambiguation code
    float[] v = Arrays.copyOfRange(x, 7 * d, 8 * d);
    v[0] += 1e-4f;
    int[] raw = q.code(v, 1);
    assertArrayEquals(Arrays.copyOf(s.of(7), 2), raw);
    int next = SidQuantizer.disambiguation(raw, s.codes(), n);
    int max = -1;
    for (int i = 0; i < n; i++) {
      if (Arrays.equals(Arrays.copyOf(s.of(i), 2), raw)) {
        max = Math.max(max, s.of(i)[2]);
      }
    }
    assertEquals(max + 1, next);
  }

  @Test
  void rqVaeRoundTripReproducesStoredCodes() throws Exception {
    int n = 200;
    int d = 8;
    float[] x = RqKMeansTest.planted(5, 4, 10, d, new int[n], new int[n], 3);
    Dataset ds = items(tmp.resolve("v"), x, d);
    SemanticIds s = SidColumns.writeRqVae(ds, "emb", "sid_vae", RqVaeTest.small(4, 2, 7),
        ProgressFactory.NONE);
    SidQuantizer q = SidQuantizer.load(Dataset.open(ds.dir()), "sid_vae");
    assertEquals("rq-vae", q.method());
    assertEquals(d, q.inputDim());
    assertArrayEquals(s.raw(), q.code(x, n));
    Map<String, Tensor> t = SafeTensors.read(SidQuantizer.file(ds.dir(), "sid_vae"));
    assertTrue(t.containsKey("encoder.0.weight") && t.containsKey("encoder.1.bias"), t.keySet()
        .toString());
  }

  @Test
  void missingOrForeignFilesFailClearly() throws Exception {
    Dataset ds = items(tmp.resolve("m"), new float[] {1, 0, 0, 1}, 2);
    var e = assertThrows(IOException.class, () -> SidQuantizer.load(ds, "sid"));
    assertTrue(e.getMessage().contains("rerun 'recompose repr sid'"), e.getMessage());
    Path other = tmp.resolve("other.safetensors");
    SafeTensors.write(other, Map.of("w", Tensor.zeros(2, 2)), Map.of("format", "something"));
    var e2 = assertThrows(IOException.class, () -> SidQuantizer.read(other));
    assertTrue(e2.getMessage().contains("not a semantic-ID quantiser"), e2.getMessage());
  }
}
