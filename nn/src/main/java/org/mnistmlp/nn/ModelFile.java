package org.mnistmlp.nn;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import org.mnistmlp.autograd.Tensor;

/**
 * Saves a multi-layer perceptron to a file that describes itself, and reads it back: the file holds the
 * architecture ({@link MlpSpec}), the parameters, free-form metadata (the program records the data set,
 * its normalisation and the training configuration there), and a checksum.
 *
 * <p>The format, version 2, all numbers big-endian:
 * <pre>
 *   magic       4 bytes    "MLPW"
 *   version     uint32     2
 *   headerSize  uint32     n, the byte length of the header
 *   header      n bytes    UTF-8 JSON: {"architecture": {...}, "metadata": {...}}, both objects of strings;
 *                          "architecture" is {@link MlpSpec#toMap()}, e.g. {"inputs": "784", "hidden": "512,256",
 *                          "classes": "10", "activation": "relu"}
 *   parameters  float32 ×  {@link MlpSpec#parameterCount()}: each parameter of the built network in the order of
 *                          {@link Module#namedParameters()} ("0.weight", "0.bias", "2.weight", ...), row-major,
 *                          Linear weights as [in, out]
 *   crc32       uint32     CRC-32 (java.util.zip.CRC32) of every byte before it
 * </pre>
 *
 * <p><b>Versions.</b> This class writes version 2 and reads only version 2. Version 1 files (the same magic,
 * then the parameters alone, with no architecture, data set or normalisation) are refused with a message
 * saying to train the model again, since what they lack cannot be recovered from them. A file of a newer
 * version is refused with a message asking for a newer release.
 *
 * <p>Saving writes a temporary file in the target's folder and moves it over the target atomically. Loading
 * reads the whole file and checks the checksum, the header and the size of every part before it builds or
 * changes any model, so a rejected file changes nothing; every problem is one line of
 * {@link ModelFileException}.
 */
public final class ModelFile {
    /** The first four bytes of every model file, "MLPW". */
    public static final int MAGIC = 0x4D4C5057;
    /** The format version this class writes and reads. */
    public static final int VERSION = 2;

    private static final int PREFIX = 12;       // magic, version, header size
    private static final int CHECKSUM = 4;
    private static final String ARCHITECTURE = "architecture";
    private static final String METADATA = "metadata";
    private static final String WHAT = "model file";

    private ModelFile() {}

    /**
     * Writes {@code model} to {@code file} with no metadata.
     *
     * @throws IllegalArgumentException if {@code model} is not an MLP that {@link MlpSpec#describe} understands
     * @throws ModelFileException if the file cannot be written
     */
    public static void save(Module model, Path file) {
        save(model, Map.of(), file);
    }

    /**
     * Writes {@code model}, its architecture and {@code metadata} to {@code file}, creating its folder if
     * needed and replacing any existing file atomically.
     *
     * @throws IllegalArgumentException if {@code model} is not an MLP that {@link MlpSpec#describe} understands
     * @throws ModelFileException if the file cannot be written
     */
    public static void save(Module model, Map<String, String> metadata, Path file) {
        WholeFile.write(file, encode(MlpSpec.describe(model), metadata, model), WHAT);
    }

    static byte[] encode(MlpSpec architecture, Map<String, String> metadata, Module model) {
        JsonObject header = new JsonObject();
        header.add(ARCHITECTURE, stringObject(architecture.toMap()));
        header.add(METADATA, stringObject(metadata));
        byte[] json = new GsonBuilder().disableHtmlEscaping().create().toJson(header).getBytes(StandardCharsets.UTF_8);
        long floats = architecture.parameterCount();
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(PREFIX + json.length + 4 * floats + CHECKSUM));
        out.putInt(MAGIC).putInt(VERSION).putInt(json.length).put(json);
        for (Tensor p : model.parameters()) {
            out.asFloatBuffer().put(p.toArray());
            out.position(out.position() + 4 * p.numel());
        }
        out.putInt((int) crc(out.array(), out.position()));
        return out.array();
    }

    private static JsonObject stringObject(Map<String, String> map) {
        JsonObject o = new JsonObject();
        map.forEach(o::addProperty);
        return o;
    }

    /**
     * Reads {@code file} into {@code model}'s parameters. Nothing is changed unless the whole file is valid
     * and its architecture is the model's.
     *
     * @throws ModelFileException if the file does not exist, cannot be read, is not a valid version-2 model
     *     file (see the class comment), or holds another architecture (naming both)
     */
    public static void load(Module model, Path file) {
        Contents contents = decode(file.toString(), WholeFile.read(file, WHAT));
        MlpSpec mine;
        try {
            mine = MlpSpec.describe(model);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + " holds a " + contents.architecture() + " network; the model is " + e.getMessage(), e);
        }
        if (!mine.equals(contents.architecture())) {
            throw new ModelFileException(file + " holds a " + contents.architecture() + " network, the model is " + mine);
        }
        contents.copyInto(model);
    }

    /**
     * Reads {@code file} whole: the network it describes, with its parameters, and its metadata.
     *
     * @throws ModelFileException if the file does not exist, cannot be read or is not a valid version-2 model file
     */
    public static SavedModel read(Path file) {
        return read(file.toString(), WholeFile.read(file, WHAT));
    }

    /** As {@link #read(Path)}, from the bytes of the file called {@code file}. */
    static SavedModel read(String file, byte[] bytes) {
        Contents contents = decode(file, bytes);
        Sequential model = contents.architecture().build(0);
        contents.copyInto(model);
        return new SavedModel(contents.architecture(), contents.metadata(), model);
    }

    /** What a valid file holds; the parameters are one array, in the order of the built network's parameters. */
    record Contents(MlpSpec architecture, Map<String, String> metadata, float[] parameters) {
        void copyInto(Module model) {
            int at = 0;
            for (Tensor p : model.parameters()) {
                System.arraycopy(parameters, at, p.data(), 0, p.numel());
                at += p.numel();
            }
        }
    }

    /**
     * Checks and decodes the bytes of a model file.
     *
     * @param file the file's name for error messages
     * @throws ModelFileException for anything but a valid version-2 model file; never another exception
     */
    static Contents decode(String file, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < 8 || in.getInt() != MAGIC) {
            throw new ModelFileException(file + ": not a model file (it does not start with \"MLPW\")");
        }
        int version = in.getInt();
        if (version == 1) {
            throw new ModelFileException(file + " is a version-1 model file, which does not record its architecture, data set"
                    + " or normalisation; train the model again to write a version-" + VERSION + " file");
        }
        if (version != VERSION) {
            throw new ModelFileException(file + ": model file version " + Integer.toUnsignedString(version)
                    + " is not supported (this program reads version " + VERSION + "); use the release that wrote it or a newer one");
        }
        if (bytes.length < PREFIX + CHECKSUM) {
            throw new ModelFileException(file + ": truncated model file (" + bytes.length + " bytes)");
        }
        long stored = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, bytes.length - CHECKSUM, CHECKSUM).getInt());
        long computed = crc(bytes, bytes.length - CHECKSUM);
        if (stored != computed) {
            throw new ModelFileException(String.format("%s: checksum mismatch (stored %08x, computed %08x): the file is damaged"
                    + " or was cut short; restore it or train again", file, stored, computed));
        }
        long headerSize = Integer.toUnsignedLong(in.getInt());
        long dataSize = bytes.length - PREFIX - CHECKSUM - headerSize;
        if (dataSize < 0) {
            throw new ModelFileException(file + ": the header claims " + headerSize + " bytes, more than the file holds");
        }
        JsonObject header = JsonHeader.parse(bytes, PREFIX, (int) headerSize, file);
        MlpSpec architecture = architecture(JsonHeader.strings(header, ARCHITECTURE, file), file);
        Map<String, String> metadata = JsonHeader.strings(header, METADATA, file);
        long needed = bytesOf(architecture, file);
        if (dataSize != needed) {
            throw new ModelFileException(file + ": holds " + dataSize + " bytes of parameters, a " + architecture
                    + " network needs " + needed);
        }
        float[] parameters = new float[(int) (needed / 4)];
        in.position(PREFIX + (int) headerSize);
        in.asFloatBuffer().get(parameters);
        return new Contents(architecture, metadata, parameters);
    }

    private static MlpSpec architecture(Map<String, String> map, String file) {
        try {
            return MlpSpec.fromMap(map);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": bad architecture in the header: " + e.getMessage(), e);
        }
    }

    private static long bytesOf(MlpSpec architecture, String file) {
        try {
            return Math.multiplyExact(4L, architecture.parameterCount());
        } catch (ArithmeticException e) {
            throw new ModelFileException(file + ": the architecture " + architecture + " is impossibly large", e);
        }
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
