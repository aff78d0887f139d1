package org.mnistmlp.nn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an optimizer has learned beyond the parameters, like PyTorch's {@code optimizer.state_dict()}:
 * the learning rate, each parameter's step count and its buffers (momentum, moments) by name. Taken
 * with {@link Optimizer#stateDict()}, given back with {@link Optimizer#loadStateDict(OptimizerState)};
 * {@link #write(DataOutput)} and {@link #read(DataInput)} keep it in a file. Parameters are numbered in
 * the optimizer's order, so a state fits an optimizer built the same way over the same model.
 *
 * @param optimizer the optimizer's class name, e.g. {@code "Adam"}
 * @param learningRate the learning rate at the time
 * @param steps how many steps each parameter has taken
 * @param buffers each buffer name (e.g. {@code "exp_avg"}) with one array per parameter
 */
public record OptimizerState(String optimizer, double learningRate, long[] steps, Map<String, float[][]> buffers) {

    /** Writes the state: the name, the rate, the step counts, then each buffer (names in UTF-8, numbers big-endian). */
    public void write(DataOutput out) throws IOException {
        out.writeUTF(optimizer);
        out.writeDouble(learningRate);
        out.writeInt(steps.length);
        for (long s : steps) {
            out.writeLong(s);
        }
        out.writeInt(buffers.size());
        for (Map.Entry<String, float[][]> b : buffers.entrySet()) {
            out.writeUTF(b.getKey());
            for (float[] values : b.getValue()) {
                out.writeInt(values.length);
                for (float v : values) {
                    out.writeFloat(v);
                }
            }
        }
    }

    /**
     * Reads a state written by {@link #write(DataOutput)}.
     *
     * @throws IOException if the input ends early or its counts are negative
     */
    public static OptimizerState read(DataInput in) throws IOException {
        String optimizer = in.readUTF();
        double learningRate = in.readDouble();
        long[] steps = new long[count(in.readInt(), "parameter")];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = in.readLong();
        }
        int names = count(in.readInt(), "buffer");
        Map<String, float[][]> buffers = new LinkedHashMap<>();
        for (int n = 0; n < names; n++) {
            String name = in.readUTF();
            float[][] arrays = new float[steps.length][];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = new float[count(in.readInt(), name + " value")];
                for (int j = 0; j < arrays[i].length; j++) {
                    arrays[i][j] = in.readFloat();
                }
            }
            buffers.put(name, arrays);
        }
        return new OptimizerState(optimizer, learningRate, steps, buffers);
    }

    private static int count(int n, String what) throws IOException {
        if (n < 0) {
            throw new IOException("optimizer state: negative " + what + " count " + n);
        }
        return n;
    }
}
