package org.mnistmlp.train;

import picocli.CommandLine.ITypeConverter;

/** The optimizers {@code --optimizer} offers, with the defaults that depend on the choice. */
enum OptimizerKind implements Choice {
    SGD("sgd", 0.05, 0.9, 0),
    ADAM("adam", 1e-3, 0, 0),
    ADAMW("adamw", 1e-3, 0, 0.01),
    RMSPROP("rmsprop", 1e-3, 0, 0);

    private final String id;
    final double defaultLearningRate;
    final double defaultMomentum;
    final double defaultWeightDecay;

    OptimizerKind(String id, double defaultLearningRate, double defaultMomentum, double defaultWeightDecay) {
        this.id = id;
        this.defaultLearningRate = defaultLearningRate;
        this.defaultMomentum = defaultMomentum;
        this.defaultWeightDecay = defaultWeightDecay;
    }

    @Override
    public String id() {
        return id;
    }

    boolean hasMomentum() {
        return this == SGD || this == RMSPROP;
    }

    boolean hasBetas() {
        return this == ADAM || this == ADAMW;
    }

    static final class Converter implements ITypeConverter<OptimizerKind> {
        @Override
        public OptimizerKind convert(String value) {
            return Choice.parse(values(), value, "optimizer");
        }
    }
}
