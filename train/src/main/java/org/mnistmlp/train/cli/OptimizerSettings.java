package org.mnistmlp.train.cli;

import java.util.List;
import java.util.Map;
import org.mnistmlp.nn.Adam;
import org.mnistmlp.nn.AdamW;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Optimizer;
import org.mnistmlp.nn.ParamGroup;
import org.mnistmlp.nn.RMSprop;
import org.mnistmlp.nn.SGD;
import picocli.CommandLine.ITypeConverter;

/** The optimizer a run uses, with every default resolved. */
record OptimizerSettings(Kind kind, double learningRate, double momentum, double beta1, double beta2,
                         double weightDecay, boolean decayBiases) {

    /** The optimizer over {@code model}'s parameters; biases form a group without weight decay unless {@code decayBiases}. */
    Optimizer build(Module model) {
        ParamGroup[] groups = decayBiases ? new ParamGroup[] {ParamGroup.of(model.parameters())} : ParamGroup.noDecayOnBiases(model);
        return switch (kind) {
            case SGD -> SGD.builder(groups).learningRate(learningRate).momentum(momentum).weightDecay(weightDecay).build();
            case ADAM -> Adam.builder(groups).learningRate(learningRate).betas(beta1, beta2).weightDecay(weightDecay).build();
            case ADAMW -> AdamW.builder(groups).learningRate(learningRate).betas(beta1, beta2).weightDecay(weightDecay).build();
            case RMSPROP -> RMSprop.builder(groups).learningRate(learningRate).momentum(momentum).weightDecay(weightDecay).build();
        };
    }

    /** Adds the settings that apply to this optimizer to a run's recorded configuration. */
    void describe(Map<String, Object> config) {
        config.put("optimizer", kind.id());
        config.put("lr", learningRate);
        if (kind.hasMomentum()) {
            config.put("momentum", momentum);
        }
        if (kind.hasBetas()) {
            config.put("betas", List.of(beta1, beta2));
        }
        config.put("weight_decay", weightDecay);
        config.put("bias_decay", decayBiases);
    }

    /** One line for the header, e.g. {@code "sgd, lr 0.05, momentum 0.9, weight decay 0.0"}. */
    String summary(String schedule) {
        String extra = kind.hasMomentum() ? ", momentum " + momentum
                : kind.hasBetas() ? ", betas " + beta1 + "," + beta2 : "";
        return kind.id() + ", lr " + learningRate + " (" + schedule + ")" + extra + ", weight decay " + weightDecay
                + (decayBiases || weightDecay == 0 ? "" : " (not on biases)");
    }

    /** The optimizers {@code --optimizer} offers, with the defaults that depend on the choice. */
    enum Kind {
        SGD("sgd", 0.05, 0.9, 0),
        ADAM("adam", 1e-3, 0, 0),
        ADAMW("adamw", 1e-3, 0, 0.01),
        RMSPROP("rmsprop", 1e-3, 0, 0);

        private final String id;
        final double defaultLearningRate;
        final double defaultMomentum;
        final double defaultWeightDecay;

        Kind(String id, double defaultLearningRate, double defaultMomentum, double defaultWeightDecay) {
            this.id = id;
            this.defaultLearningRate = defaultLearningRate;
            this.defaultMomentum = defaultMomentum;
            this.defaultWeightDecay = defaultWeightDecay;
        }

        /** The name a user types and runs record, such as {@code adamw}. */
        String id() {
            return id;
        }

        boolean hasMomentum() {
            return this == SGD || this == RMSPROP;
        }

        boolean hasBetas() {
            return this == ADAM || this == ADAMW;
        }

        static final class Converter implements ITypeConverter<Kind> {
            @Override
            public Kind convert(String value) {
                return LowerCaseEnumConverter.byId(values(), Kind::id, value, "optimizer");
            }
        }
    }
}
