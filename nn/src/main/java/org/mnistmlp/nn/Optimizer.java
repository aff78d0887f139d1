package org.mnistmlp.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mnistmlp.autograd.IntRangeConsumer;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.autograd.Tensor;

/**
 * The base of every optimizer, in the spirit of PyTorch's {@code torch.optim.Optimizer}: it holds the
 * parameters, their groups, the learning rate and each parameter's step count and buffers, and calls
 * its subclass's update rule on every parameter that has a gradient.
 *
 * <p>A parameter listed twice (a weight shared by two layers appears twice in
 * {@link Module#parameters()}) is optimised once: parameters are told apart by identity. A parameter in
 * two different groups is an error. Updates are written in place into the parameters' float arrays
 * (no graph is recorded), and the buffers are created once, so a step allocates nothing.
 *
 * <p>A step is one pass over all the parameters' elements end to end, which {@link Kernels#parallelFor}
 * splits between the kernels' worker threads when there are many: every element is updated on its own,
 * so the split changes no bit of the result.
 *
 * <p>A new rule is one subclass: it asks for its buffers with {@link #buffer(String)} in its
 * constructor and implements {@link #update}.
 */
public abstract class Optimizer {
    private final Tensor[] params;
    private final double[] weightDecays;
    private final long[] steps;
    /** Where each parameter starts in the elements of all parameters end to end; one more entry for the end. */
    private final int[] offsets;
    private final IntRangeConsumer updateRange = this::updateRange;
    /** The storage of each parameter and of its gradient (null if none) during {@link #step()}. */
    private final float[][] paramValues;
    private final float[][] gradValues;
    private final List<ParamGroup> groups;
    private final Map<String, float[][]> buffers = new LinkedHashMap<>();
    private double learningRate;

    /** Takes the parameters and shared settings from {@code builder}, checking them. */
    protected Optimizer(Builder<?> builder) {
        requireAtLeastZero("learning rate", builder.learningRate);
        requireAtLeastZero("weight decay", builder.weightDecay);
        Map<Tensor, Double> decays = new IdentityHashMap<>();
        Set<Tensor> earlierGroups = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> distinct = new ArrayList<>();
        for (ParamGroup group : builder.groups) {
            double decay = group.weightDecay().orElse(builder.weightDecay);
            requireAtLeastZero("weight decay", decay);
            for (Tensor p : group.params()) {
                if (earlierGroups.contains(p)) {
                    throw new IllegalArgumentException(name() + ": a parameter of shape "
                            + Arrays.toString(p.shape()) + " is in two parameter groups");
                }
                if (decays.putIfAbsent(p, decay) == null) {
                    distinct.add(p);
                }
            }
            earlierGroups.addAll(decays.keySet());
        }
        params = distinct.toArray(Tensor[]::new);
        weightDecays = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            weightDecays[i] = decays.get(params[i]);
        }
        steps = new long[params.length];
        paramValues = new float[params.length][];
        gradValues = new float[params.length][];
        offsets = new int[params.length + 1];
        for (int i = 0; i < params.length; i++) {
            offsets[i + 1] = Math.addExact(offsets[i], params[i].numel());
        }
        groups = List.copyOf(builder.groups);
        learningRate = builder.learningRate;
    }

    /** Throws unless {@code value} is a number at least 0, naming this optimizer and {@code what}. */
    protected final void requireAtLeastZero(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name() + ": " + what + " must be zero or positive, got " + value);
        }
    }

    /** Throws unless {@code value} is in [0, 1), naming this optimizer and {@code what}. */
    protected final void requireFraction(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name() + ": " + what + " must be in [0, 1), got " + value);
        }
    }

    /** The class name, which {@link OptimizerState} records. */
    private String name() {
        return getClass().getSimpleName();
    }

    /**
     * A new buffer named {@code name}: one zero-filled array per parameter, the size of the parameter,
     * kept in {@link #stateDict()} under that name. For subclass constructors.
     */
    protected final float[][] buffer(String name) {
        float[][] arrays = new float[params.length][];
        for (int i = 0; i < params.length; i++) {
            arrays[i] = new float[params[i].numel()];
        }
        buffers.put(name, arrays);
        return arrays;
    }

    /**
     * Updates elements [from, to) of parameter number {@code index} in place by one step of the rule,
     * touching no other element of it or its buffers: disjoint ranges of one parameter may be updated at
     * the same time on different threads. The gradient must not be changed.
     *
     * @param index the parameter's number, to find its buffers
     * @param p the parameter's values
     * @param g its gradient's values
     * @param from the first element to update
     * @param to the element after the last one to update
     * @param lr the learning rate
     * @param weightDecay the weight decay of the parameter's group
     * @param step the step this is for the parameter, counting from 1
     */
    protected abstract void update(int index, float[] p, float[] g, int from, int to, double lr, double weightDecay, long step);

    /** The distinct parameters, in the order first met (unmodifiable). */
    public final List<Tensor> params() {
        return List.of(params);
    }

    /** The parameter groups as given (unmodifiable). */
    public final List<ParamGroup> paramGroups() {
        return groups;
    }

    /** The current learning rate. */
    public final double learningRate() {
        return learningRate;
    }

    /** Changes the learning rate from the next step on, for schedules. */
    public final void setLearningRate(double learningRate) {
        requireAtLeastZero("learning rate", learningRate);
        this.learningRate = learningRate;
    }

    /** Resets the gradients of all parameters to zero. */
    public final void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    /** Updates every parameter that has a gradient by one step of the rule; the others keep their step count. */
    public final void step() {
        for (int i = 0; i < params.length; i++) {
            Tensor grad = params[i].grad();
            if (grad != null) {
                steps[i]++;
                // taken here on the caller's thread, as the in-place changes they are, not in the parallel parts
                paramValues[i] = params[i].data();
                gradValues[i] = grad.data();
            }
        }
        try {
            Kernels.current().parallelFor(offsets[params.length], updateRange);
        } finally {
            Arrays.fill(paramValues, null);
            Arrays.fill(gradValues, null);
        }
    }

    /** Updates the elements [from, to) of all parameters end to end, each parameter's part by {@link #update}. */
    private void updateRange(int from, int to) {
        for (int i = 0; i < params.length && offsets[i] < to; i++) {
            if (gradValues[i] != null && offsets[i + 1] > from) {
                int start = Math.max(from, offsets[i]) - offsets[i];
                int end = Math.min(to, offsets[i + 1]) - offsets[i];
                update(i, paramValues[i], gradValues[i], start, end, learningRate, weightDecays[i], steps[i]);
            }
        }
    }

    /** A copy of the state: learning rate, step counts and buffers. */
    public final OptimizerState stateDict() {
        Map<String, float[][]> copies = new LinkedHashMap<>();
        buffers.forEach((name, arrays) -> copies.put(name, deepCopy(arrays)));
        return new OptimizerState(name(), learningRate, steps.clone(), copies);
    }

    /**
     * Takes over a state from {@link #stateDict()} of an optimizer of the same kind over parameters of
     * the same sizes; checks everything before changing anything.
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    public final void loadStateDict(OptimizerState state) {
        String where = name() + ": cannot load the state of ";
        if (!state.optimizer().equals(name())) {
            throw new IllegalArgumentException(where + "a " + state.optimizer());
        }
        if (state.steps().length != params.length || !state.buffers().keySet().equals(buffers.keySet())) {
            throw new IllegalArgumentException(where + state.steps().length + " parameters with buffers "
                    + state.buffers().keySet() + " into " + params.length + " with " + buffers.keySet());
        }
        state.buffers().forEach((name, arrays) -> {
            for (int i = 0; i < params.length; i++) {
                if (arrays[i].length != params[i].numel()) {
                    throw new IllegalArgumentException(where + "parameter " + i + " (" + name + " of " + arrays[i].length
                            + " values) into one of shape " + Arrays.toString(params[i].shape()));
                }
            }
        });
        setLearningRate(state.learningRate());
        System.arraycopy(state.steps(), 0, steps, 0, steps.length);
        state.buffers().forEach((name, arrays) -> {
            float[][] mine = buffers.get(name);
            for (int i = 0; i < params.length; i++) {
                System.arraycopy(arrays[i], 0, mine[i], 0, mine[i].length);
            }
        });
    }

    private static float[][] deepCopy(float[][] arrays) {
        float[][] copy = new float[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            copy[i] = arrays[i].clone();
        }
        return copy;
    }

    /**
     * The settings every optimizer shares: its parameter groups, the learning rate and the weight
     * decay of groups that set none.
     *
     * @param <B> the concrete builder, returned by each setter
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final List<ParamGroup> groups;
        private double learningRate;
        private double weightDecay;

        /** Starts from the groups and the optimizer's default learning rate and weight decay. */
        protected Builder(ParamGroup[] groups, double learningRate, double weightDecay) {
            this.groups = List.of(groups);
            this.learningRate = learningRate;
            this.weightDecay = weightDecay;
        }

        /** The step size, at least 0. */
        public final B learningRate(double value) {
            learningRate = value;
            return self();
        }

        /** The weight decay of groups that set none, at least 0 (what it means depends on the rule). */
        public final B weightDecay(double value) {
            weightDecay = value;
            return self();
        }

        /** This builder as its own type. */
        protected abstract B self();

        /** The optimizer, after checking the settings. */
        public abstract Optimizer build();
    }
}
