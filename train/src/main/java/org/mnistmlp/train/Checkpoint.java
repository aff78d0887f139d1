package org.mnistmlp.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.OptimizerState;

/**
 * What resuming a run needs beyond {@code model.bin} and {@code metrics.json}, kept as
 * {@code checkpoint.bin} in the run's folder after every epoch. The data order needs nothing: batches
 * are shuffled from the seed and the epoch number. The learning rate needs nothing either: the schedule
 * is a function of the step.
 *
 * <p>The format, numbers big-endian: "MLPC", version 1, the completed and the planned epochs, the
 * count of recorded options and each in (modified) UTF-8, the model checksum, then the optimizer state
 * as {@link OptimizerState#write} puts it.
 *
 * @param options the run's options as {@code --name=value}, without {@code --out}, {@code --epochs},
 *                {@code --resume} and {@code --show}
 * @param plannedEpochs the epochs the run was to train
 * @param completedEpochs the epochs completed when this was written
 * @param modelChecksum {@link #checksum(Module)} of the model after the last completed epoch, to
 *                      recognise its {@code model.bin}
 * @param optimizer the optimizer's state after the last completed epoch
 */
public record Checkpoint(List<String> options, int plannedEpochs, int completedEpochs, long modelChecksum, OptimizerState optimizer) {
    /** The checkpoint's file name in a run's folder. */
    public static final String FILE = "checkpoint.bin";
    private static final int MAGIC = 0x4D4C5043;   // "MLPC"
    private static final int VERSION = 1;

    /** Writes {@code checkpoint.bin} into {@code dir} atomically. */
    void write(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(completedEpochs);
            out.writeInt(plannedEpochs);
            out.writeInt(options.size());
            for (String option : options) {
                out.writeUTF(option);
            }
            out.writeLong(modelChecksum);
            optimizer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        AtomicFiles.writeBytes(dir.resolve(FILE), bytes.toByteArray());
    }

    /**
     * Reads {@code checkpoint.bin} from {@code dir}.
     *
     * @throws IOException if it cannot be read or is not a checkpoint this version writes
     */
    public static Checkpoint read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has format version " + version + "; this program reads version " + VERSION);
            }
            int completed = in.readInt();
            int planned = in.readInt();
            int count = in.readInt();
            List<String> options = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                options.add(in.readUTF());
            }
            long checksum = in.readLong();
            return new Checkpoint(options, planned, completed, checksum, OptimizerState.read(in));
        }
    }

    /** A CRC-32 of every parameter's name and values, in order. */
    public static long checksum(Module model) {
        CRC32 crc = new CRC32();
        model.namedParameters().forEach((name, p) -> {
            crc.update(name.getBytes(StandardCharsets.UTF_8));
            crc.update(floatBytes(p));
        });
        return crc.getValue();
    }

    private static ByteBuffer floatBytes(Tensor p) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * p.numel());
        buffer.asFloatBuffer().put(p.toArray());
        return buffer;
    }
}
