package org.mnistmlp.autograd;

/**
 * The backward half of an op: given the gradient of the loss with respect to the op's output, adds the
 * op's contribution to the gradients of its inputs. It must add ({@code +=}), never assign, because an
 * input used by several ops collects a contribution from each of them.
 *
 * <p>{@code needsInputGrad[i]} says whether input i needed a gradient when the op ran (PyTorch's
 * {@code ctx.needs_input_grad}): the graph is fixed then, so an op writes exactly those gradients,
 * whatever {@link Tensor#requiresGrad(boolean)} has been switched to since.
 */
@FunctionalInterface
interface BackwardFn {
    void backward(float[] outputGrad, boolean[] needsInputGrad);
}
