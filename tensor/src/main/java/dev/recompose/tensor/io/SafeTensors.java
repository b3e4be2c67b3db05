package dev.recompose.tensor.io;

import dev.recompose.tensor.Tensor;
import dev.recompose.tensor.nn.Module;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes tensors in the <a href="https://github.com/huggingface/safetensors">safetensors</a> format.
 *
 * <p>Checkpoints move between Recompose and the Python ecosystem in this format (PyTorch,
 * Hugging Face, numpy can all read it), and pretrained weights such as a BERT encoder's upper layers
 * load from it into {@link Module}s by parameter name.
 *
 * <h2>File layout</h2>
 * <pre>
 * offset 0        u64, little-endian: N, the byte length of the header
 * offset 8        N bytes of UTF-8 JSON (this writer pads it with spaces to a multiple of 8):
 *                 {
 *                   "__metadata__": {"key": "value", ...},          (optional, string to string)
 *                   "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]},
 *                   ...
 *                 }
 * offset 8 + N    the data buffer; each tensor occupies bytes [begin, end) of it, relative to
 *                 its start, row-major, little-endian, with end - begin = numel * dtype size.
 * </pre>
 * Written dtypes: {@code F32}, {@code I32}. Read dtypes: {@code F32}, {@code F16}, {@code BF16},
 * {@code F64} (converted to float32) and {@code I32}, {@code I64} (converted to int32, range
 * checked). Tensors are written in map order, read back in file order.
 */
public final class SafeTensors {
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {}

    /** Writes {@code tensors} (float32 or int32) and string {@code metadata} (may be empty) to {@code path}. */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        if (tensors.isEmpty()) throw new IllegalArgumentException("nothing to write to " + path);
        StringBuilder h = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            h.append("\"__metadata__\":{");
            boolean first = true;
            for (var e : metadata.entrySet()) {
                h.append(first ? "" : ",").append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
                first = false;
            }
            h.append("},");
        }
        long offset = 0;
        boolean first = true;
        for (var e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) throw new IllegalArgumentException("__metadata__ is reserved");
            Tensor t = e.getValue();
            long bytes = 4L * t.numel();
            h.append(first ? "" : ",").append(Json.quote(e.getKey())).append(":{\"dtype\":\"").append(t.isInt() ? "I32" : "F32")
                    .append("\",\"shape\":").append(java.util.Arrays.toString(t.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
            first = false;
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(header);
        while (head.position() < head.capacity()) head.put((byte) ' ');
        head.flip();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, head);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                int n = t.numel();
                for (int i = 0; i < n; i++) {
                    if (buf.remaining() < 4) {
                        buf.flip();
                        writeFully(ch, buf);
                        buf.clear();
                    }
                    if (t.isInt()) buf.putInt(t.intData()[i]);
                    else buf.putFloat(t.data()[i]);
                }
            }
            buf.flip();
            writeFully(ch, buf);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    /** A parsed file: tensors in file order and the metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /** Reads every tensor of {@code path}. */
    public static Map<String, Tensor> read(Path path) throws IOException {
        return readAll(path).tensors();
    }

    /** Reads tensors and metadata of {@code path}. */
    @SuppressWarnings("unchecked")
    public static Contents readAll(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw new IOException(path + " is too short to be a safetensors file");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long n = lenBuf.flip().getLong();
            if (n <= 0 || n > MAX_HEADER || 8 + n > size) throw new IOException(path + ": bad header length " + n);
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8);
            Object parsed = Json.parse(new String(hb.array(), StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> header)) throw new IOException(path + ": header is not a JSON object");
            long dataStart = 8 + n, dataLen = size - dataStart;
            Map<String, String> meta = new LinkedHashMap<>();
            List<Map.Entry<String, Map<String, Object>>> entries = new ArrayList<>();
            for (var e : ((Map<String, Object>) header).entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    if (e.getValue() instanceof Map<?, ?> m) m.forEach((k, v) -> meta.put(String.valueOf(k), String.valueOf(v)));
                    continue;
                }
                if (!(e.getValue() instanceof Map<?, ?> info)) throw new IOException(path + ": entry " + e.getKey() + " is not an object");
                entries.add(Map.entry(e.getKey(), (Map<String, Object>) info));
            }
            entries.sort((a, b) -> Long.compare(offsets(a.getValue())[0], offsets(b.getValue())[0]));
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (var e : entries) {
                Map<String, Object> info = e.getValue();
                String dtype = (String) info.get("dtype");
                List<Object> shapeList = (List<Object>) info.get("shape");
                int[] shape = new int[shapeList.size()];
                long numel = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = Math.toIntExact((Long) shapeList.get(i));
                    numel *= shape[i];
                }
                long[] off = offsets(info);
                int width = switch (dtype) {
                    case "F32", "I32" -> 4;
                    case "F16", "BF16" -> 2;
                    case "F64", "I64" -> 8;
                    default -> throw new IOException(path + ": tensor " + e.getKey() + " has unsupported dtype " + dtype);
                };
                if (off[1] - off[0] != numel * width || off[0] < 0 || off[1] > dataLen) {
                    throw new IOException(path + ": tensor " + e.getKey() + " offsets " + off[0] + ".." + off[1] + " do not match shape "
                            + java.util.Arrays.toString(shape) + " x " + dtype + " within " + dataLen + " data bytes");
                }
                ByteBuffer b = ByteBuffer.allocate((int) (off[1] - off[0])).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, b, dataStart + off[0]);
                b.flip();
                int count = (int) numel;
                Tensor t;
                switch (dtype) {
                    case "F32" -> {
                        float[] d = new float[count];
                        b.asFloatBuffer().get(d);
                        t = Tensor.of(d, shape);
                    }
                    case "F64" -> {
                        float[] d = new float[count];
                        for (int i = 0; i < count; i++) d[i] = (float) b.getDouble();
                        t = Tensor.of(d, shape);
                    }
                    case "F16" -> {
                        float[] d = new float[count];
                        for (int i = 0; i < count; i++) d[i] = Float.float16ToFloat(b.getShort());
                        t = Tensor.of(d, shape);
                    }
                    case "BF16" -> {
                        float[] d = new float[count];
                        for (int i = 0; i < count; i++) d[i] = Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
                        t = Tensor.of(d, shape);
                    }
                    case "I32" -> {
                        int[] d = new int[count];
                        b.asIntBuffer().get(d);
                        t = Tensor.ofInts(d, shape);
                    }
                    default -> {
                        int[] d = new int[count];
                        for (int i = 0; i < count; i++) d[i] = Math.toIntExact(b.getLong());
                        t = Tensor.ofInts(d, shape);
                    }
                }
                out.put(e.getKey(), t);
            }
            return new Contents(out, meta);
        }
    }

    @SuppressWarnings("unchecked")
    private static long[] offsets(Map<String, Object> info) {
        List<Object> o = (List<Object>) info.get("data_offsets");
        if (o == null || o.size() != 2) throw new IllegalArgumentException("tensor entry without data_offsets: " + info);
        return new long[] {(Long) o.get(0), (Long) o.get(1)};
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos);
            if (r < 0) throw new IOException("unexpected end of file");
            pos += r;
        }
    }

    /** Writes a module's parameters under their dotted names. */
    public static void save(Module module, Path path, Map<String, String> metadata) throws IOException {
        write(path, module.parameters(), metadata);
    }

    /** Loads parameters by name into {@code module}; returns the names loaded. */
    public static List<String> load(Module module, Path path, boolean strict) throws IOException {
        return module.load(read(path), strict);
    }

    /**
     * Loads parameters into {@code module}, looking each up under {@code nameInFile.apply(name)}
     * (for checkpoints with another naming scheme, e.g. the upper layers of a BERT encoder).
     */
    public static List<String> load(Module module, Path path, java.util.function.Function<String, String> nameInFile, boolean strict) throws IOException {
        return module.load(read(path), nameInFile, strict);
    }
}
