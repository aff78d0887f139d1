package org.mnistmlp.nn;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mnistmlp.autograd.Tensor;

/**
 * Reads and writes a multi-layer perceptron as a <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * file laid out like the {@code state_dict} of the equivalent PyTorch {@code nn.Sequential}: keys
 * {@code "0.weight"}, {@code "0.bias"}, {@code "2.weight"}, ... (activations take indices too, as in
 * {@code nn.Sequential}), each weight {@code [out, in]} (the transpose of this library's {@link Linear}),
 * float32 ({@code "F32"}).
 *
 * <p>The file, as the format defines it: an unsigned little-endian 64-bit header size {@code N}; {@code N}
 * bytes of UTF-8 JSON, padded with spaces to a multiple of 8, mapping each key to {@code {"dtype", "shape",
 * "data_offsets": [begin, end]}} (offsets relative to the byte buffer after the header), and
 * {@code "__metadata__"} to an object of strings; then the byte buffer, every byte of it belonging to exactly
 * one tensor, little-endian and row-major. This class writes {@code "__metadata__"} first and the tensors in
 * sorted key order, as the reference implementation does, and puts the architecture ({@link MlpSpec#toMap()})
 * and {@code "format": "pt"} in the metadata.
 *
 * <p>Reading follows the format's rules strictly (header size within the file and at most 100,000,000 bytes, a
 * JSON object starting with '{', offsets contiguous and covering the buffer, sizes matching shapes), and
 * changes no model unless the whole file is valid and fits.
 */
public final class Safetensors {
    /** The metadata key of the tensor-library convention, {@code "pt"} for PyTorch. */
    public static final String FORMAT_KEY = "format";

    private static final String METADATA = "__metadata__";
    private static final String F32 = "F32";
    private static final int SIZE_FIELD = 8;
    private static final long MAX_HEADER = 100_000_000;
    private static final String WHAT = "safetensors file";

    private Safetensors() {}

    /** A parameter as PyTorch lays it out: its key, its shape there, and whether ours is the transpose. */
    private record Slot(String key, Tensor parameter, long[] shape, boolean transposed) {}

    /** A tensor read from a file: its shape, and its values as the file lays them out. */
    private record Stored(long[] shape, float[] values) {}

    /**
     * Writes {@code model} to {@code file} (replacing it atomically), with the architecture, {@code metadata} and
     * {@code "format": "pt"} in {@code __metadata__}.
     *
     * @throws IllegalArgumentException if {@code model} is not an MLP that {@link MlpSpec#describe} understands
     * @throws ModelFileException if the file cannot be written
     */
    public static void save(Module model, Map<String, String> metadata, Path file) {
        WholeFile.write(file, encode(model, metadata), WHAT);
    }

    static byte[] encode(Module model, Map<String, String> metadata) {
        Map<String, String> strings = new TreeMap<>(metadata);
        strings.putAll(MlpSpec.describe(model).toMap());
        strings.put(FORMAT_KEY, "pt");
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        strings.forEach(meta::addProperty);
        header.add(METADATA, meta);

        List<Slot> slots = new ArrayList<>(slots(model));
        slots.sort(Comparator.comparing(Slot::key));
        long offset = 0;
        for (Slot slot : slots) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", F32);
            entry.add("shape", longs(slot.shape()));
            entry.add("data_offsets", longs(offset, offset + 4L * slot.parameter().numel()));
            header.add(slot.key(), entry);
            offset += 4L * slot.parameter().numel();
        }
        byte[] json = new GsonBuilder().disableHtmlEscaping().create().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(SIZE_FIELD + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        while (out.position() < SIZE_FIELD + padded) {
            out.put((byte) ' ');
        }
        for (Slot slot : slots) {
            float[] values = slot.transposed() ? transpose(slot.parameter()) : slot.parameter().toArray();
            out.asFloatBuffer().put(values);
            out.position(out.position() + 4 * values.length);
        }
        return out.array();
    }

    /**
     * Reads the weights of {@code file} into {@code model}: every key of the model's {@code state_dict} must be
     * there with its PyTorch shape and dtype F32, and no other tensor. A file whose {@code __metadata__}
     * describes an architecture (any of {@link MlpSpec#toMap()}'s keys, as {@link #save} writes them) must
     * describe the model's, so that the weights of a relu network do not silently start a tanh one; a file
     * without them (as PyTorch's {@code save_file} writes by default) is checked by its shapes alone.
     *
     * @throws ModelFileException if the file does not exist, is not valid safetensors, or does not fit the model
     *     (naming the tensor and both shapes, or both architectures); the model is then unchanged
     */
    public static void load(Module model, Path file) {
        String name = file.toString();
        Contents contents = decode(name, WholeFile.read(file, WHAT));
        List<Slot> slots = slots(model);
        checkFits(slots, contents.tensors(), name);
        if (MlpSpec.isDescribedIn(contents.metadata())) {
            MlpSpec described = architecture(contents.metadata(), name);
            MlpSpec mine = MlpSpec.describe(model);
            if (!described.equals(mine)) {
                throw new ModelFileException(name + " holds a " + described + " network, the model is " + mine);
            }
        }
        copy(slots, contents.tensors());
    }

    /**
     * Reads {@code file} whole: the network its {@code __metadata__} describes ({@link MlpSpec#toMap()}'s keys),
     * with the file's weights, and the metadata.
     *
     * @throws ModelFileException if the file does not exist, is not valid safetensors, its metadata does not
     *     describe an architecture (naming the missing key), or its tensors do not fit that architecture
     */
    public static SavedModel read(Path file) {
        return read(file.toString(), WholeFile.read(file, WHAT));
    }

    /** As {@link #read(Path)}, from the bytes of the file called {@code name}. */
    static SavedModel read(String name, byte[] bytes) {
        Contents contents = decode(name, bytes);
        MlpSpec architecture = architecture(contents.metadata(), name);
        long weights = 0;
        for (Stored t : contents.tensors().values()) {
            weights += t.values().length;
        }
        if (weights != parameterCount(architecture, name)) {
            throw new ModelFileException(name + " holds " + weights + " weights, a " + architecture + " network has "
                    + architecture.parameterCount());
        }
        Sequential model = architecture.build(0);
        List<Slot> slots = slots(model);
        checkFits(slots, contents.tensors(), name);
        copy(slots, contents.tensors());
        return new SavedModel(architecture, contents.metadata(), model);
    }

    private static MlpSpec architecture(Map<String, String> metadata, String file) {
        try {
            return MlpSpec.fromMap(metadata);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": __metadata__ does not describe the network (" + e.getMessage()
                    + "); it needs inputs, hidden, classes and activation", e);
        }
    }

    private static long parameterCount(MlpSpec architecture, String file) {
        try {
            return architecture.parameterCount();
        } catch (ArithmeticException e) {
            throw new ModelFileException(file + ": the architecture " + architecture + " is impossibly large", e);
        }
    }

    /** The model's parameters under their PyTorch keys; its Linear weights are transposed there. */
    private static List<Slot> slots(Module model) {
        MlpSpec.describe(model);
        List<Module> layers = ((Sequential) model).layers();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Linear linear) {
                slots.add(new Slot(i + ".weight", linear.weight(), new long[] {linear.outFeatures(), linear.inFeatures()}, true));
                slots.add(new Slot(i + ".bias", linear.bias(), new long[] {linear.outFeatures()}, false));
            }
        }
        return slots;
    }

    /** Checks that {@code tensors} are exactly the slots' keys, each with its slot's shape. */
    private static void checkFits(List<Slot> slots, Map<String, Stored> tensors, String file) {
        Map<String, Slot> byKey = new HashMap<>();
        for (Slot slot : slots) {
            byKey.put(slot.key(), slot);
            Stored stored = tensors.get(slot.key());
            if (stored == null) {
                throw new ModelFileException(file + " has no tensor '" + slot.key() + "', which the model needs with shape "
                        + Arrays.toString(slot.shape()));
            }
            if (!Arrays.equals(stored.shape(), slot.shape())) {
                throw new ModelFileException(file + ": tensor '" + slot.key() + "' has shape " + Arrays.toString(stored.shape())
                        + " in the file but the model needs " + Arrays.toString(slot.shape()));
            }
        }
        for (String key : tensors.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new ModelFileException(file + " has a tensor '" + key + "' that the model does not have");
            }
        }
    }

    /** Copies each tensor into its slot's parameter, transposing the weights; {@link #checkFits} has passed. */
    private static void copy(List<Slot> slots, Map<String, Stored> tensors) {
        for (Slot slot : slots) {
            float[] values = tensors.get(slot.key()).values();
            float[] target = slot.parameter().data();
            if (slot.transposed()) {
                int out = (int) slot.shape()[0];
                int in = (int) slot.shape()[1];
                for (int o = 0; o < out; o++) {
                    for (int i = 0; i < in; i++) {
                        target[i * out + o] = values[o * in + i];
                    }
                }
            } else {
                System.arraycopy(values, 0, target, 0, values.length);
            }
        }
    }

    private static float[] transpose(Tensor weight) {
        int in = weight.size(0);
        int out = weight.size(1);
        float[] w = weight.toArray();
        float[] t = new float[w.length];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                t[o * in + i] = w[i * out + o];
            }
        }
        return t;
    }

    private static JsonArray longs(long... values) {
        JsonArray a = new JsonArray();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    /** What a valid file holds. */
    record Contents(Map<String, String> metadata, Map<String, Stored> tensors) {}

    /** A tensor's place in the byte buffer, from the header. */
    private record Entry(String key, long[] shape, long begin, long end) {}

    /**
     * Checks and decodes the bytes of a safetensors file of F32 tensors.
     *
     * @param file the file's name for error messages
     * @throws ModelFileException for anything but a valid file; never another exception
     */
    static Contents decode(String file, byte[] bytes) {
        if (bytes.length < SIZE_FIELD) {
            throw new ModelFileException(file + ": not a safetensors file (" + bytes.length + " bytes, shorter than the header size)");
        }
        long headerSize = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerSize < 2 || headerSize > MAX_HEADER || headerSize > bytes.length - SIZE_FIELD) {
            throw new ModelFileException(file + ": not a safetensors file (the header size " + Long.toUnsignedString(headerSize)
                    + " does not fit the file's " + bytes.length + " bytes)");
        }
        if (bytes[SIZE_FIELD] != '{') {
            throw new ModelFileException(file + ": not a safetensors file (the header does not start with '{')");
        }
        JsonObject header = JsonHeader.parse(bytes, SIZE_FIELD, (int) headerSize, file);
        Map<String, String> metadata = JsonHeader.strings(header, METADATA, file);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (!e.getKey().equals(METADATA)) {
                entries.add(entry(e.getKey(), JsonHeader.object(e.getValue(), "tensor '" + e.getKey() + "'", file), file));
            }
        }
        int start = SIZE_FIELD + (int) headerSize;
        checkLayout(entries, bytes.length - start, file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Stored> tensors = new LinkedHashMap<>();
        for (Entry entry : entries) {
            float[] values = new float[(int) ((entry.end() - entry.begin()) / 4)];
            buffer.position(start + (int) entry.begin());
            buffer.asFloatBuffer().get(values);
            tensors.put(entry.key(), new Stored(entry.shape(), values));
        }
        return new Contents(metadata, tensors);
    }

    private static Entry entry(String key, JsonObject info, String file) {
        String what = "tensor '" + key + "'";
        String dtype = JsonHeader.string(info.get("dtype"), what + " dtype", file);
        if (!dtype.equals(F32)) {
            throw new ModelFileException(file + ": " + what + " has dtype " + dtype + "; only F32 is supported"
                    + " (in PyTorch, convert with model.float() before saving)");
        }
        long[] shape = JsonHeader.naturals(info.get("shape"), what + " shape", file);
        long[] offsets = JsonHeader.naturals(info.get("data_offsets"), what + " data_offsets", file);
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw new ModelFileException(file + ": " + what + " has data_offsets " + Arrays.toString(offsets)
                    + ", expected [begin, end] with begin <= end");
        }
        long bytes = 4;
        try {
            for (long d : shape) {
                bytes = Math.multiplyExact(bytes, d);
            }
        } catch (ArithmeticException tooLarge) {
            bytes = -1;
        }
        if (bytes != offsets[1] - offsets[0]) {
            throw new ModelFileException(file + ": " + what + " has shape " + Arrays.toString(shape) + " but spans "
                    + (offsets[1] - offsets[0]) + " bytes");
        }
        return new Entry(key, shape, offsets[0], offsets[1]);
    }

    /** The entries, in offset order, must tile the byte buffer exactly: no hole, no overlap, nothing outside. */
    private static void checkLayout(List<Entry> entries, long bufferSize, String file) {
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long next = 0;
        for (Entry e : entries) {
            if (e.begin() != next) {
                throw new ModelFileException(file + ": tensor '" + e.key() + "' starts at byte " + e.begin()
                        + " of the buffer, expected " + next + " (the tensors must tile the buffer)");
            }
            next = e.end();
        }
        if (next != bufferSize) {
            throw new ModelFileException(file + ": the tensors cover " + next + " bytes of the buffer, which holds " + bufferSize);
        }
    }
}
