package org.mnistmlp.train;

import org.mnistmlp.autograd.Kernels;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, with the JVM it runs on and the kernels it would use. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"mnist-mlp " + (v != null ? v : "(development build)"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "kernels: " + Kernels.current().description()};
    }
}
