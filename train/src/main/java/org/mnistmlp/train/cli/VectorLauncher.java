package org.mnistmlp.train.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnistmlp.autograd.Kernels;
import org.mnistmlp.train.Interrupts;
import org.mnistmlp.train.Signals;

/**
 * Gives {@code java -jar train.jar} the Vector API kernels without extra flags. The incubating module
 * {@code jdk.incubator.vector} is only resolved when the JVM starts with {@code --add-modules}, which a
 * jar manifest cannot ask for; so when the module is missing, the launcher starts the same {@code java}
 * again with the flag (and this JVM's own options), passes standard input and output through, and exits
 * with the child's exit code. Ctrl-C, SIGTERM and SIGHUP sent to this JVM are passed on to the child,
 * which stops as it would have without the relaunch. The child's one-line "Using incubator modules"
 * warning is dropped, and it uses the serial garbage collector with a small young generation unless a
 * collector was chosen, and keeps profiling the code it compiles while the optimising compiler is busy.
 * Set {@code MNISTMLP_NO_RELAUNCH=1} (or {@code -Dmnistmlp.relaunch=false}) to stay in this JVM with
 * the scalar kernels.
 */
final class VectorLauncher {
    static final String CHILD_MARKER = "mnistmlp.relaunched";
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";

    private VectorLauncher() {}

    /** The child's exit code if this JVM relaunched the program, or empty to run it here. */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        if (Kernels.vectorAvailable() || System.getProperty(CHILD_MARKER) != null
                || "false".equals(System.getProperty("mnistmlp.relaunch"))
                || System.getenv("MNISTMLP_NO_RELAUNCH") != null) {
            return Optional.empty();
        }
        Optional<List<String>> command = childCommand(args);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process child = new ProcessBuilder(command.get())
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Interrupts.handleAll(signal -> passOn(signal, child));   // the child decides how to stop
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));   // killed parent: no orphan
            Thread errors = copyWithoutIncubatorWarning(child.getErrorStream(), System.err);
            int code = child.waitFor();
            errors.join();
            return Optional.of(code);
        } catch (IOException e) {
            return Optional.empty();   // could not start a second JVM: run here, on the scalar kernels
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    private static Optional<List<String>> childCommand(String[] args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("java.class.path");
        if (classPath == null || classPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.addAll(memoryOptions(jvmOptions));
        cmd.addAll(compilerOptions(jvmOptions));
        cmd.addAll(jvmOptions);
        cmd.add("-D" + CHILD_MARKER + "=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /**
     * Sends {@code signal} to the child: {@code kill -INT} from a script, {@code timeout}'s SIGTERM or
     * a closed terminal's SIGHUP would otherwise reach only this JVM. If {@code kill} cannot be run,
     * the child gets SIGTERM from {@link Process#destroy()}.
     */
    private static void passOn(Signals.Received signal, Process child) {
        try {
            new ProcessBuilder("kill", "-" + signal.name(), Long.toString(child.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            child.destroy();
        }
    }

    /**
     * The collector settings the child gets unless this JVM was given its own. Training allocates little
     * that lives long: the serial collector keeps resident memory at about half of what the default
     * collector takes, and a 16 MB young generation (instead of a third of a heap sized from the machine's
     * memory) keeps the pages that allocation touches few, a quarter less resident memory again, at no
     * measurable cost in speed.
     */
    static List<String> memoryOptions(List<String> jvmOptions) {
        if (jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            return List.of();
        }
        if (jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmn") || o.contains("NewSize"))) {
            return List.of("-XX:+UseSerialGC");
        }
        return List.of("-XX:+UseSerialGC", "-Xmn16m");
    }

    /**
     * The compiler setting the child gets unless this JVM was given its own. While the optimising compiler
     * (C2) has a queue, the JVM by default compiles newly hot methods at a quick tier that keeps no profile
     * of branches and types. At start-up C2 always has a queue, so the step's methods spent the start-up
     * warm-up at that tier and its evaluations left no trace in their profiles; C2 then compiled them for
     * training batches alone, the first real evaluation threw that code away, and C2 compiled the step
     * again during the second epoch. With the profiling tier always used, the warm-up's evaluations are
     * in the profiles and nothing is thrown away (alternated runs, 8 of each, 784-128-10: second epoch
     * 0.229 against 0.269 s).
     */
    static List<String> compilerOptions(List<String> jvmOptions) {
        if (jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:Tier3DelayOn="))) {
            return List.of();
        }
        return List.of("-XX:Tier3DelayOn=" + Integer.MAX_VALUE);
    }

    private static Thread copyWithoutIncubatorWarning(InputStream from, PrintStream to) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.startsWith(INCUBATOR_WARNING)) {
                        to.println(line);
                    }
                }
            } catch (IOException ignored) {
                // the child closed its error stream; nothing more to copy
            }
        }, "child-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
