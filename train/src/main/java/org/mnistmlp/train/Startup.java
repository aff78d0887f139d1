package org.mnistmlp.train;

import java.time.Duration;
import org.mnistmlp.autograd.KernelWarmUp;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.datasets.MnistData;

/** What every training command does first: pick the kernels, then load the data while they warm up. */
final class Startup {
    private static final Duration MAX_WARM_UP = Duration.ofSeconds(1);

    private Startup() {}

    static MnistData kernelsAndData(int threads, DataOptions data) {
        Kernels.use(Kernels.best(threads));
        try (KernelWarmUp ignored = KernelWarmUp.start(Kernels.current(), MAX_WARM_UP)) {
            return data.load();
        }
    }
}
