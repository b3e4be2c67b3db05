package dev.recompose.models.ctr;

import dev.recompose.models.ctr.data.CtrData;
import dev.recompose.models.ctr.item.ItemEncoder;
import dev.recompose.models.ctr.layer.Masks;
import dev.recompose.models.ctr.predictor.Predictor;
import dev.recompose.models.ctr.user.UserEncoder;
import dev.recompose.models.ctr.user.UserInput;
import dev.recompose.tensor.GradMode;
import dev.recompose.tensor.Rng;
import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CTR / content-based recommender composed of item encoders x user encoders x a predictor
 * (Li et al., "Legommenders: A Comprehensive Content-Based Recommendation Library with LLM
 * Support", 2024).
 *
 * <p>It exists to run any valid combination of bricks the same way: encode the items of a batch
 * (or, when evaluating, every item once into a cached {@link ItemTable}), gather candidate and
 * history representations from that table, run the user encoders (per user row, or per scoring
 * row for target-aware ones such as DIN) and let the predictor score each row.
 */
public final class CtrModel extends Module {
  private final ModelSpec spec;
  private final List<ItemEncoder> items = new ArrayList<>();
  private final List<UserEncoder> users = new ArrayList<>();
  private final Predictor predictor;
  private final int dim;
  private final int itemFields;
  private final int itemCount;
  private final boolean needsHistory;

  /** Builds the bricks of {@code spec} for {@code data}, initialised from {@code seed}. */
  public CtrModel(ModelSpec spec, CtrData data, long seed) {
    this.spec = spec;
    this.dim = spec.dim();
    this.itemCount = data.items();
    Rng rng = new Rng(seed);
    BrickContext ctx = new BrickContext(data, dim, rng, 0, 0);
    int f = 0;
    for (int i = 0; i < spec.items().size(); i++) {
      ItemEncoder e = child("item" + i, BrickRegistry.item(spec.items().get(i), ctx));
      if (e.width() != dim) {
        throw new IllegalArgumentException("item encoder '" + spec.items().get(i).name()
            + "' has width " + e.width() + ", the model width is " + dim);
      }
      items.add(e);
      f += e.fields();
    }
    this.itemFields = f;
    ctx = ctx.withItemFields(f);
    int uf = 0;
    boolean hist = false;
    for (int i = 0; i < spec.users().size(); i++) {
      UserEncoder e = child("user" + i, BrickRegistry.user(spec.users().get(i), ctx));
      users.add(e);
      uf += e.fields();
      hist |= e.usesHistory();
    }
    this.needsHistory = hist;
    this.predictor = child("predictor", BrickRegistry.predictor(spec.predictor(),
        ctx.withUserFields(uf)));
  }

  /** The spec this model was built from. */
  public ModelSpec spec() {
    return spec;
  }

  /** Fields of an item representation. */
  public int itemFields() {
    return itemFields;
  }

  /** Whether any user encoder reads the click history. */
  public boolean needsHistory() {
    return needsHistory;
  }

  /** Encodes {@code codes} into {@code [n, F, k]} (all item encoders, fields concatenated). */
  public Tensor encodeItems(int[] codes) {
    if (items.size() == 1) {
      return items.getFirst().encode(codes);
    }
    List<Tensor> parts = new ArrayList<>();
    for (ItemEncoder e : items) {
      parts.add(e.encode(codes));
    }
    return Tensor.concat(1, parts);
  }

  /** A table of the items a batch needs (candidates and histories), with gradients. */
  public ItemTable batchTable(CtrBatch batch) {
    int[] rowOf = new int[itemCount];
    Arrays.fill(rowOf, -1);
    int[] order = new int[batch.size() + total(batch.histories())];
    int m = 0;
    for (int c : batch.candidates()) {
      if (rowOf[c] < 0) {
        rowOf[c] = m;
        order[m++] = c;
      }
    }
    if (needsHistory) {
      for (int[] h : batch.histories()) {
        for (int c : h) {
          if (rowOf[c] < 0) {
            rowOf[c] = m;
            order[m++] = c;
          }
        }
      }
    }
    return table(Arrays.copyOf(order, m), rowOf);
  }

  /**
   * Every item's representation, computed once without gradients in evaluation mode, {@code chunk}
   * items at a time: the cache of one evaluation pass.
   */
  public ItemTable allItemsTable(int chunk) {
    boolean was = isTraining();
    eval();
    try (var g = GradMode.noGrad()) {
      int d = itemFields * dim;
      float[] all = new float[(itemCount + 1) * d];
      for (int s = 0; s < itemCount; s += chunk) {
        int e = Math.min(itemCount, s + chunk);
        int[] codes = new int[e - s];
        for (int i = 0; i < codes.length; i++) {
          codes[i] = s + i;
        }
        float[] part = encodeItems(codes).data();
        System.arraycopy(part, 0, all, s * d, part.length);
      }
      int[] rowOf = new int[itemCount];
      for (int i = 0; i < itemCount; i++) {
        rowOf[i] = i;
      }
      return new ItemTable(Tensor.of(all, itemCount + 1, d), rowOf);
    } finally {
      train(was);
    }
  }

  private ItemTable table(int[] codes, int[] rowOf) {
    int d = itemFields * dim;
    Tensor reps = encodeItems(codes).reshape(codes.length, d);
    return new ItemTable(Tensor.concat(0, reps, Tensor.zeros(1, d)), rowOf);
  }

  private static int total(int[][] a) {
    int n = 0;
    for (int[] x : a) {
      n += x.length;
    }
    return n;
  }

  /** Logits {@code [N]} of the rows of {@code batch}, item representations from {@code table}. */
  public Tensor logits(CtrBatch batch, ItemTable table) {
    int n = batch.size();
    int b = batch.users().length;
    int d = itemFields * dim;
    int[] candRows = new int[n];
    for (int r = 0; r < n; r++) {
      candRows[r] = table.row(batch.candidates()[r]);
    }
    Tensor cand = table.table().indexSelect(0, Tensor.ofInts(candRows, n));
    Tensor hist = null;
    Tensor pad = null;
    int[] lengths = new int[b];
    if (needsHistory) {
      int l = 1;
      for (int[] h : batch.histories()) {
        l = Math.max(l, h.length);
      }
      int[] rows = new int[b * l];
      Arrays.fill(rows, table.padRow());
      for (int u = 0; u < b; u++) {
        int[] h = batch.histories()[u];
        lengths[u] = h.length;
        for (int k = 0; k < h.length; k++) {
          rows[u * l + k] = table.row(h[k]);
        }
      }
      hist = table.table().indexSelect(0, Tensor.ofInts(rows, b * l)).reshape(b, l, d);
      pad = Masks.padding(lengths, l);
    }
    Tensor rowUserIdx = Tensor.ofInts(batch.rowUser().clone(), n);
    List<Tensor> userParts = new ArrayList<>();
    for (UserEncoder e : users) {
      if (e.targetAware()) {
        int l = hist.size(1);
        int[] rowUsers = new int[n];
        int[] rowLengths = new int[n];
        for (int r = 0; r < n; r++) {
          rowUsers[r] = batch.users()[batch.rowUser()[r]];
          rowLengths[r] = lengths[batch.rowUser()[r]];
        }
        Tensor h = hist.reshape(b, l * d).indexSelect(0, rowUserIdx).reshape(n, l, d);
        userParts.add(e.encode(new UserInput(rowUsers, h, Masks.padding(rowLengths, l),
            rowLengths, cand)));
      } else {
        Tensor u = e.encode(new UserInput(batch.users(), hist, pad, lengths, null));
        userParts.add(b == n && isIdentity(batch.rowUser()) ? u : u.indexSelect(0, rowUserIdx));
      }
    }
    Tensor user = userParts.size() == 1 ? userParts.getFirst() : Tensor.concat(1, userParts);
    return predictor.score(user, cand.reshape(n, itemFields, dim));
  }

  private static boolean isIdentity(int[] a) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != i) {
        return false;
      }
    }
    return true;
  }
}
