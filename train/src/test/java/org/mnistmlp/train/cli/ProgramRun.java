package org.mnistmlp.train.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mnistmlp.train.Interrupts;

/** Runs the program in this JVM as a user would from the command line, capturing its output. */
record ProgramRun(int exitCode, String out, String err) {
    /** The committed subset of real MNIST digits (2,000 train, 500 test). */
    static final Path SUBSET = Path.of("..", "datasets", "src", "test", "resources", "mnist-subset");

    static ProgramRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new ProgramRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts the program on another thread, waits for {@code file} to appear (the run is under way), then
     * presses Ctrl-C and returns how the program ended.
     */
    static ProgramRun interruptedOnceExists(Path file, String... args) throws Exception {
        CompletableFuture<ProgramRun> running = CompletableFuture.supplyAsync(() -> of(args));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Interrupts.request();
        return running.get(120, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
