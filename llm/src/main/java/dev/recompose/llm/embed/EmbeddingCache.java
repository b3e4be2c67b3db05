package dev.recompose.llm.embed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * An append-only on-disk cache of embeddings for one model, keyed by the sha256 of the text.
 *
 * <p>It exists so that re-running an embedding job against a paid or slow endpoint costs nothing
 * for texts already embedded. One file per model ({@code <model>-<sha256(model)[:12]>.embcache})
 * holds records of a 32-byte text digest, an int32 width and the float32 vector, little-endian;
 * a torn last record (a killed run) is cut off when the file is opened. Only vectors that passed
 * validation are ever appended.
 */
public final class EmbeddingCache implements AutoCloseable {
  private final Map<String, float[]> entries = new HashMap<>();
  private final FileChannel channel;
  private final Path file;

  private EmbeddingCache(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (or creates) the cache of {@code model} in {@code dir}. */
  public static EmbeddingCache open(Path dir, String model) throws IOException {
    Files.createDirectories(dir);
    String safe = model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
    Path file = dir.resolve(safe + "-" + sha256(model).substring(0, 12) + ".embcache");
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    EmbeddingCache c = new EmbeddingCache(file, ch);
    c.load();
    return c;
  }

  private void load() throws IOException {
    long size = channel.size();
    ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE))
        .order(ByteOrder.LITTLE_ENDIAN);
    channel.read(all, 0);
    all.flip();
    long good = 0;
    HexFormat hex = HexFormat.of();
    while (all.remaining() >= 36) {
      byte[] key = new byte[32];
      all.get(key);
      int dim = all.getInt();
      if (dim < 1 || all.remaining() < (long) dim * 4) {
        break;
      }
      float[] v = new float[dim];
      all.asFloatBuffer().get(v);
      all.position(all.position() + dim * 4);
      entries.put(hex.formatHex(key), v);
      good = all.position();
    }
    channel.truncate(good);
    channel.position(good);
  }

  /** The hex sha256 of {@code text} (UTF-8). */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cached vector of the text with digest {@code key}, or null. */
  public float[] get(String key) {
    return entries.get(key);
  }

  /** Appends and flushes new entries. */
  public void putAll(Map<String, float[]> add) throws IOException {
    int bytes = 0;
    for (float[] v : add.values()) {
      bytes += 36 + v.length * 4;
    }
    ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    HexFormat hex = HexFormat.of();
    for (Map.Entry<String, float[]> e : add.entrySet()) {
      b.put(hex.parseHex(e.getKey()));
      b.putInt(e.getValue().length);
      for (float x : e.getValue()) {
        b.putFloat(x);
      }
    }
    b.flip();
    while (b.hasRemaining()) {
      channel.write(b);
    }
    channel.force(false);
    entries.putAll(add);
  }

  public int size() {
    return entries.size();
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
