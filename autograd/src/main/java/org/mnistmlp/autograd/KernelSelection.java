package org.mnistmlp.autograd;

/**
 * Picks the kernels once, at first use. The Vector API kernels are loaded by name, and only when the
 * incubating module {@code jdk.incubator.vector} is readable, so that no class importing it is ever
 * touched on a JVM started without {@code --add-modules jdk.incubator.vector}. Setting the system
 * property {@code mnistmlp.kernels=scalar} forces the plain-Java kernels.
 */
final class KernelSelection {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final Kernels CURRENT = select();

    private KernelSelection() {}

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static Kernels select() {
        if ("scalar".equals(System.getProperty("mnistmlp.kernels")) || !vectorModulePresent()) {
            return new ScalarKernels();
        }
        try {
            return (Kernels) Class.forName("org.mnistmlp.autograd.VectorKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarKernels();
        }
    }
}
