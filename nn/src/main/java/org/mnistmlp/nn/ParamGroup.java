package org.mnistmlp.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.mnistmlp.autograd.Tensor;

/**
 * Parameters an optimizer treats alike, like a parameter group of PyTorch's optimizers: a group may
 * set its own weight decay, otherwise the optimizer's applies. The learning rate is the optimizer's,
 * shared by every group, so that one schedule drives them all.
 *
 * @param params the group's parameters
 * @param weightDecay the group's weight decay, or empty for the optimizer's
 */
public record ParamGroup(List<Tensor> params, OptionalDouble weightDecay) {

    /** Copies the list; the tensors themselves are shared. */
    public ParamGroup {
        params = List.copyOf(params);
    }

    /** A group that takes the optimizer's settings. */
    public static ParamGroup of(List<Tensor> params) {
        return new ParamGroup(params, OptionalDouble.empty());
    }

    /** A group with its own weight decay (0 for none). */
    public static ParamGroup withWeightDecay(List<Tensor> params, double weightDecay) {
        return new ParamGroup(params, OptionalDouble.of(weightDecay));
    }

    /**
     * The usual split for weight decay: every parameter of {@code model} whose name ends in
     * {@code bias}, or that is a vector (rank 1), is in a second group without weight decay; the
     * weights stay in the first, which takes the optimizer's weight decay.
     * <pre>{@code
     * Optimizer adamw = AdamW.builder(ParamGroup.noDecayOnBiases(model)).weightDecay(0.05).build();
     * }</pre>
     */
    public static ParamGroup[] noDecayOnBiases(Module model) {
        List<Tensor> decayed = new ArrayList<>();
        List<Tensor> undecayed = new ArrayList<>();
        for (Map.Entry<String, Tensor> p : model.namedParameters().entrySet()) {
            boolean bias = p.getKey().endsWith("bias") || p.getValue().dim() == 1;
            (bias ? undecayed : decayed).add(p.getValue());
        }
        return new ParamGroup[] {of(decayed), withWeightDecay(undecayed, 0)};
    }
}
