package org.mnistmlp.nn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mnistmlp.autograd.Tensor;

/**
 * Saves a model's parameters to a file and loads them back into a model of the same architecture.
 *
 * <p>The format, all numbers big-endian (as {@link DataOutputStream} writes them):
 * <pre>
 *   magic     4 bytes   "MLPW"
 *   version   int32     1
 *   count     int32     number of parameters
 *   count times, in the order of {@link Module#namedParameters()}:
 *     name    uint16 byte length, then the name in (modified) UTF-8, e.g. "0.weight"
 *     rank    int32
 *     shape   rank × int32
 *     values  float32 × (product of the shape), row-major
 * </pre>
 * Saving writes a temporary file in the target's folder and then moves it over the target atomically,
 * so a crash never leaves a half-written model under the target's name. Loading checks every name and
 * shape against the model and reads the whole file before changing any parameter.
 */
public final class ModelFile {
    /** The first four bytes of every model file. */
    public static final int MAGIC = 0x4D4C5057;   // "MLPW"
    /** The format version this class writes and reads. */
    public static final int VERSION = 1;

    private static final int MAX_RANK = 8;

    private ModelFile() {}

    /**
     * Writes {@code model}'s parameters to {@code file}, creating its folder if needed and replacing
     * any existing file atomically.
     *
     * @throws ModelFileException if the file cannot be written
     */
    public static void save(Module model, Path file) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createFile(target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".tmp"));
            try (FileOutputStream fileOut = new FileOutputStream(tmp.toFile());
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fileOut))) {
                write(model.namedParameters(), out);
                out.flush();
                fileOut.getFD().sync();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ModelFileException("cannot write model file " + file + ": " + e, e);
        }
    }

    private static void write(Map<String, Tensor> params, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(params.size());
        for (Map.Entry<String, Tensor> p : params.entrySet()) {
            out.writeUTF(p.getKey());
            int[] shape = p.getValue().shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            for (float v : p.getValue().data()) {
                out.writeFloat(v);
            }
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that error is the one to report
            }
        }
    }

    /**
     * Reads {@code file} into {@code model}'s parameters. Nothing is changed unless the whole file is
     * valid and its names and shapes match the model's, in order.
     *
     * @throws ModelFileException if the file cannot be read, is not a model file, is truncated or has
     *     trailing bytes, or does not match the model (naming the parameter and both shapes)
     */
    public static void load(Module model, Path file) {
        List<Map.Entry<String, Tensor>> expected = new ArrayList<>(model.namedParameters().entrySet());
        List<float[]> values;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            values = read(expected, in, file);
            if (in.read() != -1) {
                throw new ModelFileException(file + ": unexpected bytes after the last parameter");
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException("model file " + file + " does not exist", e);
        } catch (EOFException e) {
            throw new ModelFileException(file + ": file is truncated", e);
        } catch (IOException e) {
            throw new ModelFileException("cannot read model file " + file + ": " + e, e);
        }
        for (int i = 0; i < values.size(); i++) {
            float[] v = values.get(i);
            System.arraycopy(v, 0, expected.get(i).getValue().data(), 0, v.length);
        }
    }

    private static List<float[]> read(List<Map.Entry<String, Tensor>> expected, DataInputStream in, Path file) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new ModelFileException(file + ": not a model file (starts with 0x" + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(MAGIC) + ")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new ModelFileException(file + ": format version " + version + " is not supported (expected " + VERSION + ")");
        }
        int count = in.readInt();
        if (count != expected.size()) {
            throw new ModelFileException(file + ": holds " + count + " parameters, the model has " + expected.size());
        }
        List<float[]> values = new ArrayList<>(count);
        for (Map.Entry<String, Tensor> want : expected) {
            String name = in.readUTF();
            if (!name.equals(want.getKey())) {
                throw new ModelFileException(file + ": parameter " + values.size() + " is '" + name + "' in the file, the model expects '" + want.getKey() + "'");
            }
            int[] shape = readShape(in, file, name);
            int[] wantShape = want.getValue().shape();
            if (!Arrays.equals(shape, wantShape)) {
                throw new ModelFileException(file + ": parameter '" + name + "' has shape " + Arrays.toString(shape)
                        + " in the file but " + Arrays.toString(wantShape) + " in the model");
            }
            float[] v = new float[want.getValue().numel()];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readFloat();
            }
            values.add(v);
        }
        return values;
    }

    private static int[] readShape(DataInputStream in, Path file, String name) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > MAX_RANK) {
            throw new ModelFileException(file + ": parameter '" + name + "' has an impossible rank " + rank);
        }
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = in.readInt();
        }
        return shape;
    }
}
