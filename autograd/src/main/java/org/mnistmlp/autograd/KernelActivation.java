package org.mnistmlp.autograd;

/** ReLU, sigmoid, tanh and SiLU as element-wise functions computed by the current {@link Kernels}. */
final class KernelActivation implements ElementwiseFunction {
    static final KernelActivation RELU = new KernelActivation(Activation.RELU);
    static final KernelActivation SIGMOID = new KernelActivation(Activation.SIGMOID);
    static final KernelActivation TANH = new KernelActivation(Activation.TANH);
    static final KernelActivation SILU = new KernelActivation(Activation.SILU);

    private final Activation activation;

    private KernelActivation(Activation activation) {
        this.activation = activation;
    }

    @Override
    public String name() {
        return activation.id();
    }

    @Override
    public void forward(float[] x, float[] y, int n) {
        Kernels.current().activate(activation, x, y, n);
    }

    @Override
    public void backward(float[] x, float[] y, float[] gy, float[] gx, int n) {
        Kernels.current().activateBackward(activation, x, y, gy, gx, n);
    }
}
