package org.mnistmlp.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The backward engine: visits the graph below a root in reverse topological order, so that every
 * node has received the contributions of all its consumers before it passes its gradient on.
 * The traversal is iterative, so graphs of any depth are safe from stack overflow. The graph is the one
 * the ops recorded when they ran: an input is part of it only if it needed a gradient then.
 */
final class Backprop {
    private Backprop() {}

    static void run(Tensor root, float[] seed) {
        List<Tensor> order = topologicalOrder(root);
        for (Tensor t : order) {
            t.requireLive();
            if (!t.isLeaf()) {
                t.clearGrad();   // intermediate gradients describe this pass only
            }
        }
        addInto(root.gradBuffer(), seed);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            if (!t.isLeaf()) {
                t.node().backward(t);
            }
        }
    }

    private static void addInto(float[] acc, float[] g) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += g[i];
        }
    }

    /** Tensors that need a gradient, every input before the ops that consume it (post-order DFS). */
    static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        visited.add(root);
        stack.push(new Frame(root));
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            Node node = top.tensor.node();
            if (node != null && top.next < node.inputs().length) {
                int i = top.next++;
                Tensor in = node.inputs()[i];
                if (node.needsGrad(i) && visited.add(in)) {
                    stack.push(new Frame(in));
                }
            } else {
                stack.pop();
                order.add(top.tensor);
            }
        }
        return order;
    }

    private static final class Frame {
        final Tensor tensor;
        int next;

        Frame(Tensor tensor) {
            this.tensor = tensor;
        }
    }
}
