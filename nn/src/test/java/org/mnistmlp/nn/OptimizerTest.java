package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.mnistmlp.autograd.Tensor;

/** What every optimizer shares: distinct parameters, groups, the saved state, no allocation per step (split between threads or not). */
class OptimizerTest {

    /** One optimizer of each kind, with the options that give each its full state. */
    static final Map<String, Function<List<Tensor>, Optimizer>> KINDS = Map.of(
            "sgd", params -> SGD.builder(params).learningRate(0.1).momentum(0.9).nesterov(true).weightDecay(0.01).build(),
            "adam", params -> Adam.builder(params).learningRate(0.1).weightDecay(0.01).build(),
            "adamw", params -> AdamW.builder(params).learningRate(0.1).build(),
            "rmsprop", params -> RMSprop.builder(params).learningRate(0.1).momentum(0.5).centered(true).build());

    @Test
    void aSharedWeightIsSteppedOnce() {
        Linear shared = new Linear(3, 3, new Well19937c(5));
        Module model = new Sequential(shared, new ReLU(), shared);
        List<Tensor> listedTwice = List.of(shared.weight(), shared.bias(), shared.weight(), shared.bias());
        SGD sgd = new SGD(listedTwice, 0.1);
        assertEquals(2, sgd.params().size());
        model.forward(Tensor.of(new float[] {0.5f, -1f, 2f, 1f, 0.25f, -0.75f}, 2, 3)).sum().backward();
        float[] before = shared.weight().data().clone();
        float[] grad = shared.weight().grad().data().clone();
        sgd.step();
        for (int j = 0; j < before.length; j++) {
            assertEquals(before[j] - 0.1f * grad[j], shared.weight().data()[j], 1e-7f, "weight " + j);
        }
        assertEquals(1, sgd.stateDict().steps()[0], "one step counted");
    }

    @Test
    void noDecayOnBiasesLeavesBiasesUndecayed() {
        Linear layer = new Linear(2, 2, new Well19937c(3));
        Module model = new Sequential(layer);
        ParamGroup[] groups = ParamGroup.noDecayOnBiases(model);
        assertEquals(List.of(layer.weight()), groups[0].params());
        assertEquals(List.of(layer.bias()), groups[1].params());
        // With a zero gradient, SGD's step is p ← p - lr·wd·p: lr 1 and wd 0.5 halve the weights only.
        SGD sgd = SGD.builder(groups).learningRate(1).weightDecay(0.5).build();
        float[] weight = layer.weight().data().clone();
        float[] bias = layer.bias().data().clone();
        layer.weight().sum().add(layer.bias().sum()).mul(0f).backward();
        sgd.step();
        for (int j = 0; j < weight.length; j++) {
            assertEquals(weight[j] / 2, layer.weight().data()[j], 1e-7f);
        }
        assertArrayEquals(bias, layer.bias().data());
    }

    @Test
    void aParameterInTwoGroupsIsAnError() {
        Tensor p = Tensor.vector(1f).requiresGrad(true);
        String message = assertThrows(IllegalArgumentException.class,
                () -> Adam.builder(ParamGroup.of(List.of(p)), ParamGroup.withWeightDecay(List.of(p), 0)).build()).getMessage();
        assertTrue(message.contains("two parameter groups"), message);
    }

    @Test
    void stepSaveRestoreStepEqualsTwoSteps() throws IOException {
        for (Map.Entry<String, Function<List<Tensor>, Optimizer>> kind : KINDS.entrySet()) {
            HandTrace straight = new HandTrace(kind.getValue());
            straight.step(HandTrace.G1);
            straight.step(HandTrace.G2);

            HandTrace first = new HandTrace(kind.getValue());
            first.step(HandTrace.G1);
            byte[] saved = bytes(first.optimizer.stateDict());
            HandTrace resumed = new HandTrace(kind.getValue());
            System.arraycopy(first.p.data(), 0, resumed.p.data(), 0, 2);
            resumed.optimizer.loadStateDict(OptimizerState.read(new DataInputStream(new ByteArrayInputStream(saved))));
            resumed.step(HandTrace.G2);

            assertArrayEquals(straight.p.data(), resumed.p.data(), 0f, kind.getKey());
            assertArrayEquals(new long[] {2}, resumed.optimizer.stateDict().steps(), kind.getKey());
        }
    }

    private static byte[] bytes(OptimizerState state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(new DataOutputStream(out));
        return out.toByteArray();
    }

    @Test
    void aStateThatDoesNotFitIsRefusedBeforeAnythingChanges() {
        HandTrace adam = new HandTrace(KINDS.get("adam"));
        adam.step(HandTrace.G1);
        OptimizerState state = adam.optimizer.stateDict();
        Optimizer sgd = KINDS.get("sgd").apply(List.of(Tensor.vector(1f, 2f).requiresGrad(true)));
        String kind = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(state)).getMessage();
        assertTrue(kind.contains("Adam"), kind);
        Optimizer other = KINDS.get("adam").apply(List.of(Tensor.vector(1f, 2f, 3f).requiresGrad(true)));
        String shape = assertThrows(IllegalArgumentException.class, () -> other.loadStateDict(state)).getMessage();
        assertTrue(shape.contains("shape [3]"), shape);
        assertEquals(0, other.stateDict().steps()[0], "nothing taken over");
    }

    @Test
    void theStateIsACopy() {
        HandTrace trace = new HandTrace(KINDS.get("adam"));
        trace.step(HandTrace.G1);
        OptimizerState state = trace.optimizer.stateDict();
        float[] moment = state.buffers().get("exp_avg")[0].clone();
        trace.step(HandTrace.G2);
        assertArrayEquals(moment, state.buffers().get("exp_avg")[0]);
        assertSame(trace.p, trace.optimizer.params().get(0));
    }

    @Test
    void stepsAllocateNothing() {
        for (Map.Entry<String, Function<List<Tensor>, Optimizer>> kind : KINDS.entrySet()) {
            Linear layer = new Linear(256, 129, new Well19937c(1));   // large enough to be split between threads
            Optimizer optimizer = kind.getValue().apply(new Sequential(layer).parameters());
            layer.weight().sum().add(layer.bias().sum()).backward();
            // Until the JIT has compiled the step it may allocate; the quietest round counts.
            long fewest = Long.MAX_VALUE;
            for (int round = 0; round < 40 && fewest > 0; round++) {
                fewest = Math.min(fewest, bytesPerStep(optimizer));
            }
            assertEquals(0, fewest, kind.getKey() + " bytes per step");
        }
    }

    private static long bytesPerStep(Optimizer optimizer) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 200; i++) {
            optimizer.step();
        }
        return (threads.getThreadAllocatedBytes(tid) - before) / 200;
    }
}
