package org.mnistmlp.autograd;

/**
 * Holds the kernels the ops use and picks the best ones. The Vector API kernels are loaded by name,
 * and only when the incubating module {@code jdk.incubator.vector} is readable, so that no class
 * importing it is ever touched on a JVM started without {@code --add-modules jdk.incubator.vector}.
 */
final class KernelSelection {
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static volatile Kernels current;
    /** The kernels the selection made itself (for {@link #current()} or {@link #useBest}), closed when replaced. */
    private static Kernels owned;

    private KernelSelection() {}

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    static Kernels current() {
        Kernels k = current;
        if (k == null) {
            synchronized (KernelSelection.class) {
                if (current == null) {
                    owned = best(Runtime.getRuntime().availableProcessors());
                    current = owned;
                }
                k = current;
            }
        }
        return k;
    }

    static void use(Kernels kernels) {
        current = java.util.Objects.requireNonNull(kernels);
    }

    static synchronized Kernels useBest(int threads) {
        Kernels fresh = best(threads);
        if (owned != null) {
            owned.close();
        }
        owned = fresh;
        current = fresh;
        return fresh;
    }

    static Kernels best(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("kernels: thread count must be at least 1, got " + threads);
        }
        if ("scalar".equals(System.getProperty("mnistmlp.kernels")) || !vectorModulePresent()) {
            return new ScalarKernels();
        }
        try {
            return (Kernels) Class.forName("org.mnistmlp.autograd.VectorKernels")
                    .getDeclaredConstructor(int.class).newInstance(threads);
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarKernels();
        }
    }
}
