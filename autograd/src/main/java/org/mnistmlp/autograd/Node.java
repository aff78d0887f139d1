package org.mnistmlp.autograd;

import java.util.Arrays;

/**
 * How an op's output was made, as recorded when the op ran: the op, its inputs, which of them needed a
 * gradient, and the version of every input and of the output, so that the backward pass can refuse to
 * run on values that an in-place change has made different from the ones the op computed with.
 */
final class Node {
    private final String op;
    private final Tensor[] inputs;
    private final boolean[] needsInputGrad;
    private final int[] inputVersions;
    private final int outputVersion;
    private final BackwardFn backwardFn;

    Node(String op, Tensor[] inputs, BackwardFn backwardFn, int outputVersion) {
        this.op = op;
        this.inputs = inputs;
        this.backwardFn = backwardFn;
        this.outputVersion = outputVersion;
        needsInputGrad = new boolean[inputs.length];
        inputVersions = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            needsInputGrad[i] = inputs[i].requiresGrad();
            inputVersions[i] = inputs[i].version();
        }
    }

    String op() {
        return op;
    }

    Tensor[] inputs() {
        return inputs;
    }

    /** Whether input i needed a gradient when the op ran; only those inputs are part of the graph. */
    boolean needsGrad(int i) {
        return needsInputGrad[i];
    }

    /** Adds this op's contribution to its inputs' gradients, after checking no value it uses has changed. */
    void backward(Tensor output) {
        for (int i = 0; i < inputs.length; i++) {
            requireVersion(inputs[i], inputVersions[i], "input " + i);
        }
        requireVersion(output, outputVersion, "output");
        backwardFn.backward(output.gradBuffer(), needsInputGrad);
    }

    private void requireVersion(Tensor t, int expected, String role) {
        if (t.version() != expected) {
            throw new IllegalStateException("backward: one of the variables needed for gradient computation has been"
                    + " modified by an in-place operation: the tensor of shape " + Arrays.toString(t.shape()) + " (" + role
                    + " of op " + op + ") is at version " + t.version() + ", expected " + expected
                    + "; change values only after backward(), or work on a copy");
        }
    }
}
