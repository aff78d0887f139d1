package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.train.RunFiles;

/**
 * Real signals against a real {@code java -jar train.jar}: sent to the process a user started (the
 * launcher, which relaunches the JVM with the Vector API module and must pass them on), or to the
 * program's own JVM when it runs without relaunching. Every run stops like Ctrl-C: one line, the
 * completed epochs kept, charts written, status "interrupted", exit 128 + the signal's number.
 */
class SignalsIT {
    private static final Path JAR = Path.of(System.getProperty("train.jar", "../train.jar"));

    private static void stopsLikeCtrlC(String signal, int exitCode, String cause, Map<String, String> env, Path tmp)
            throws IOException, InterruptedException {
        Path out = tmp.resolve("run");
        Path stdout = tmp.resolve("stdout.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "--data", ProgramRun.SUBSET.toString(),
                "--out", out.toString(), "--hidden", "16", "--epochs", "100000")
                .redirectOutput(stdout.toFile()).redirectError(tmp.resolve("stderr.txt").toFile());
        pb.environment().remove("MNISTMLP_NO_RELAUNCH");
        pb.environment().putAll(env);
        Process program = pb.start();
        Path metrics = out.resolve(RunFiles.METRICS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(metrics) && program.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(metrics), "an epoch completes: " + Files.readString(tmp.resolve("stderr.txt")));
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(program.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        assertTrue(program.waitFor(120, TimeUnit.SECONDS), "the run stops");

        String printed = Files.readString(stdout);
        assertEquals(exitCode, program.exitValue(), printed + Files.readString(tmp.resolve("stderr.txt")));
        List<String> stopLines = printed.lines().filter(l -> l.startsWith("interrupted")).toList();
        assertEquals(1, stopLines.size(), printed);
        assertTrue(stopLines.get(0).matches("interrupted by " + cause + " during epoch \\d+ at step \\d+; completed epochs are kept"),
                stopLines.get(0));
        JsonObject m = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject();
        assertEquals("interrupted", m.get("status").getAsString());
        assertTrue(m.getAsJsonArray("epochs").size() >= 1);
        assertTrue(Files.size(out.resolve(RunFiles.LOSS_CHART)) > 0 && Files.size(out.resolve(RunFiles.ACCURACY_CHART)) > 0);
        assertTrue(Files.size(out.resolve(RunFiles.MODEL)) > 0);
    }

    @Test
    void sigtermThroughTheLauncher(@TempDir Path tmp) throws Exception {
        stopsLikeCtrlC("TERM", 143, "SIGTERM", Map.of(), tmp);
    }

    @Test
    void sigintThroughTheLauncher(@TempDir Path tmp) throws Exception {
        stopsLikeCtrlC("INT", 130, "Ctrl-C", Map.of(), tmp);
    }

    @Test
    void sighupWithoutRelaunch(@TempDir Path tmp) throws Exception {
        stopsLikeCtrlC("HUP", 129, "SIGHUP", Map.of("MNISTMLP_NO_RELAUNCH", "1"), tmp);
    }

    @Test
    void sigtermWithoutRelaunch(@TempDir Path tmp) throws Exception {
        stopsLikeCtrlC("TERM", 143, "SIGTERM", Map.of("MNISTMLP_NO_RELAUNCH", "1"), tmp);
    }
}
