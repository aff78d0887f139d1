package org.mnistmlp.train;

import java.util.List;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.datasets.Batch;
import org.mnistmlp.nn.ClipGrad;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.Optimizer;

/**
 * One optimizer step on one batch, as {@link Trainer} takes it: gradients cleared, the cross-entropy
 * loss of the model's output, its gradients, the clipping of their global norm (if asked for), and the
 * optimizer's update at its current learning rate. Run it inside a
 * {@link org.mnistmlp.autograd.TensorScope} to recycle the step's buffers.
 */
public final class TrainingStep {
    private final Module model;
    private final Optimizer optimizer;
    private final List<Tensor> params;
    private final double clipNorm;

    /**
     * @param model the model to train, in place
     * @param optimizer the optimizer over its parameters
     * @param clipNorm the global gradient norm to clip to, 0 for no clipping
     */
    public TrainingStep(Module model, Optimizer optimizer, double clipNorm) {
        this.model = model;
        this.optimizer = optimizer;
        this.params = optimizer.params();
        this.clipNorm = clipNorm;
    }

    /**
     * Takes the step on {@code batch}.
     *
     * @return the batch's mean loss before the update; when it is not a finite number, nothing was
     *     updated (the gradients are cleared and the parameters are as they were)
     */
    public double run(Batch batch) {
        optimizer.zeroGrad();
        Tensor loss = model.forward(batch.images()).crossEntropy(batch.labels());
        double value = loss.item();
        if (Double.isFinite(value)) {
            loss.backward();
            if (clipNorm > 0) {
                ClipGrad.clipGradNorm(params, clipNorm);
            }
            optimizer.step();
        }
        return value;
    }
}
