package dev.recompose.models.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recompose.data.store.Dataset;
import dev.recompose.data.store.DatasetUpdater;
import dev.recompose.data.store.StoreLayout;
import dev.recompose.models.testutil.LeaveOneOut;
import dev.recompose.models.testutil.ToyDatasets;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceDataTest {
  @TempDir Path tmp;

  private static final int[][] SEQS = {{3, 1, 4, 1, 5}, {2, 0}, {5}};

  @Test
  void readsLeaveOneOutSequencesFromTheStore() throws IOException {
    Dataset ds = LeaveOneOut.apply(ToyDatasets.write(tmp.resolve("toy"), 6, SEQS));
    SequenceData d = SequenceData.load(ds);
    assertEquals(3, d.numUsers());
    assertEquals(6, d.numItems());
    assertEquals(5, d.numTrainInteractions());
    assertArrayEquals(new int[] {3, 1, 4}, d.trainSequence(0));
    assertEquals(1, d.validTarget(0));
    assertEquals(5, d.testTarget(0));
    assertArrayEquals(new int[] {2}, d.trainSequence(1));
    assertEquals(-1, d.validTarget(1));
    assertEquals(0, d.testTarget(1));
    assertArrayEquals(new int[] {5}, d.trainSequence(2));
    assertEquals(-1, d.target(2, Stage.TEST));
    assertArrayEquals(new int[] {3, 1, 4}, d.input(0, Stage.VALID));
    assertArrayEquals(new int[] {3, 1, 4, 1}, d.input(0, Stage.TEST));
    assertArrayEquals(new int[] {2}, d.input(1, Stage.TEST), "no valid item to append");
    assertArrayEquals(new int[] {3, 1, 4, 1, 5}, d.allItems(0));
    assertArrayEquals(new int[] {0}, d.users(Stage.VALID));
    assertArrayEquals(new int[] {0, 1}, d.users(Stage.TEST));
    assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1}, d.trainCounts());
    assertEquals(4, d.trainItem(0, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> d.trainItem(0, 3));
    assertEquals("toy", d.ref().name());
    assertEquals("leave-one-out", d.ref().splitScheme());
    assertEquals(ds.manifest().contentSha256(), d.ref().contentSha256());
    assertEquals(64, d.ref().contentSha256().length());
  }

  @Test
  void unsplitDatasetIsAnError() throws IOException {
    Dataset ds = ToyDatasets.write(tmp.resolve("toy"), 6, SEQS);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SequenceData.load(ds));
    assertTrue(e.getMessage().contains("no 'split' column"), e.getMessage());
  }

  @Test
  void moreThanOneValidationItemIsAnError() throws IOException {
    Dataset ds = ToyDatasets.write(tmp.resolve("toy"), 6, SEQS);
    try (DatasetUpdater up = DatasetUpdater.open(ds)) {
      up.table(StoreLayout.INTERACTIONS).bytes(StoreLayout.SPLIT,
          new byte[] {0, 1, 1, 2, 2, 0, 2, 0}, "split");
      up.commit(m -> m);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SequenceData.load(Dataset.open(ds.dir())));
    assertEquals("user 0 has more than one validation interaction; SequenceData needs a"
        + " leave-one-out split (one validation and one test item per user)", e.getMessage());
  }

  @Test
  void splitCodeMinusOneRowsAreIgnored() throws IOException {
    Dataset ds = ToyDatasets.write(tmp.resolve("toy"), 6, SEQS);
    try (DatasetUpdater up = DatasetUpdater.open(ds)) {
      up.table(StoreLayout.INTERACTIONS).bytes(StoreLayout.SPLIT,
          new byte[] {-1, 0, 0, 1, 2, 0, 2, -1}, "split");
      up.commit(m -> m);
    }
    SequenceData d = SequenceData.load(Dataset.open(ds.dir()));
    assertArrayEquals(new int[] {1, 4}, d.trainSequence(0));
    assertArrayEquals(new int[0], d.trainSequence(2));
    assertEquals(0, d.trainCount(3));
  }

  @Test
  void inMemoryDataIsChecked() {
    DatasetRef ref = DatasetRef.inMemory("x");
    assertThrows(IllegalArgumentException.class,
        () -> SequenceData.of(ref, 3, new int[][] {{0, 3}}, new int[] {-1}, new int[] {-1}));
    assertThrows(IllegalArgumentException.class,
        () -> SequenceData.of(ref, 3, new int[][] {{0}}, new int[] {-1, 1}, new int[] {-1}));
    SequenceData d = SequenceData.of(ref, 3, new int[][] {{0, 2}}, new int[] {1}, new int[] {-1});
    assertArrayEquals(new int[] {0, 2, 1}, d.input(0, Stage.TEST));
  }
}
