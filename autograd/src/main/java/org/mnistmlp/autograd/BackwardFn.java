package org.mnistmlp.autograd;

/**
 * The backward half of an op: given the gradient of the loss with respect to the op's output, adds the
 * op's contribution to the gradients of its inputs. It must add ({@code +=}), never assign, because an
 * input used by several ops collects a contribution from each of them.
 */
@FunctionalInterface
interface BackwardFn {
    void backward(float[] outputGrad);
}
