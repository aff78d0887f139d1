package org.mnistmlp.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mnistmlp.autograd.Tensor;

/**
 * A building block of a network: a function of a tensor that may own trainable parameters and
 * contain other modules, in the spirit of PyTorch's {@code nn.Module}.
 *
 * <p>A subclass implements {@link #forward(Tensor)} and, if it has any, lists its own parameters in
 * {@link #ownParameters()} and its submodules in {@link #children()}. Everything else — the dotted
 * parameter names ({@code "0.weight"}, {@code "0.bias"}, {@code "2.weight"}, ...), the parameter count,
 * training/evaluation mode, {@link #zeroGrad()} and a printable description — follows from those.
 *
 * <p>Import this class by name ({@code import org.mnistmlp.nn.Module;}): through a wildcard import of
 * the package alone, {@code Module} is ambiguous with {@code java.lang.Module}.
 */
public abstract class Module {
    private boolean training = true;

    /** Computes this module's output for input {@code x}, recording a graph unless inside a {@code NoGrad} scope. */
    public abstract Tensor forward(Tensor x);

    /** This module's own parameters (not its children's) by local name, in a fixed order; none by default. */
    protected List<Map.Entry<String, Tensor>> ownParameters() {
        return List.of();
    }

    /** This module's direct submodules by local name, in a fixed order; none by default. */
    protected List<Map.Entry<String, Module>> children() {
        return List.of();
    }

    /**
     * Every distinct parameter of this module and its descendants under its dotted name, in a stable
     * order: own parameters first, then each child's, prefixed with the child's name. A parameter
     * reached more than once (a module used twice, as in {@code Sequential(lin, relu, lin)}) is listed
     * once, under the first name it is reached by, as PyTorch's {@code named_parameters()} does.
     */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect("", named, seen);
        return named;
    }

    private void collect(String prefix, Map<String, Tensor> named, Set<Tensor> seen) {
        for (Map.Entry<String, Tensor> p : ownParameters()) {
            if (seen.add(p.getValue())) {
                named.put(prefix + p.getKey(), p.getValue());
            }
        }
        for (Map.Entry<String, Module> child : children()) {
            child.getValue().collect(prefix + child.getKey() + ".", named, seen);
        }
    }

    /** The distinct parameters in the order of {@link #namedParameters()}: what an optimizer updates. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** This module and all its descendants, depth first, as PyTorch's {@code modules()}. */
    public final List<Module> modules() {
        List<Module> all = new ArrayList<>();
        all.add(this);
        for (Map.Entry<String, Module> child : children()) {
            all.addAll(child.getValue().modules());
        }
        return all;
    }

    /** The number of trainable scalars, each shared parameter counted once. */
    public final long parameterCount() {
        long count = 0;
        for (Tensor p : parameters()) {
            count += p.numel();
        }
        return count;
    }

    /** Switches this module and its descendants to training mode (the initial mode); returns this module. */
    public final Module train() {
        setTraining(true);
        return this;
    }

    /** Switches this module and its descendants to evaluation mode; returns this module. */
    public final Module eval() {
        setTraining(false);
        return this;
    }

    /** Whether this module is in training mode. */
    public final boolean isTraining() {
        return training;
    }

    private void setTraining(boolean on) {
        training = on;
        for (Map.Entry<String, Module> child : children()) {
            child.getValue().setTraining(on);
        }
    }

    /** Resets the gradient of every parameter to zero. */
    public final void zeroGrad() {
        for (Tensor p : parameters()) {
            p.zeroGrad();
        }
    }

    /**
     * A readable description: the class name for a leaf module, and for a container its children one
     * per line, e.g. {@code "Sequential(\n  (0): Linear(784 → 128)\n  (1): ReLU\n ...)"}.
     */
    @Override
    public String toString() {
        List<Map.Entry<String, Module>> children = children();
        if (children.isEmpty()) {
            return getClass().getSimpleName();
        }
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append("(\n");
        for (Map.Entry<String, Module> child : children) {
            String described = child.getValue().toString().replace("\n", "\n  ");
            s.append("  (").append(child.getKey()).append("): ").append(described).append('\n');
        }
        return s.append(')').toString();
    }
}
