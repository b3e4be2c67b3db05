package dev.recompose.data.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that a Python user reads every column with plain {@code numpy.load}. */
class NumpyInteropTest {
  @TempDir Path tmp;

  static boolean numpyAvailable() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void numpyLoadsColumnsWrittenByTheStore() throws Exception {
    assumeTrue(numpyAvailable(), "python3 with numpy not found: skipping the numpy interop check");
    Path out = tmp.resolve("ds");
    DatasetStoreRoundTripTest.writeSample(out);
    String script =
        """
        import numpy as np, json, sys, os
        d = sys.argv[1]
        m = json.load(open(os.path.join(d, 'manifest.json')))
        item = np.load(os.path.join(d, 'interactions.item.npy'))
        ts = np.load(os.path.join(d, 'interactions.timestamp.npy'), mmap_mode='r')
        r = np.load(os.path.join(d, 'interactions.rating.npy'))
        v = np.load(os.path.join(d, 'items.title.values.npy'))
        o = np.load(os.path.join(d, 'items.title.offsets.npy'))
        e = np.load(os.path.join(d, 'items.emb.npy'))
        t1 = v[o[1]:o[2]].tobytes().decode('utf-8')
        assert item.dtype == np.int32 and ts.dtype == np.int64 and r.dtype == np.float32
        assert e.shape == (2, 3)
        print(item.tolist(), int(ts[2]), float(r[0]), t1, e[1].tolist(), m['counts']['items'])
        """;
    Process p =
        new ProcessBuilder("python3", "-c", script, out.toString()).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), text);
    assertEquals("[1, 0, 1] 5000000000 4.5 Amélie – \t tab [4.0, 5.0, 6.0] 2", text);
  }
}
