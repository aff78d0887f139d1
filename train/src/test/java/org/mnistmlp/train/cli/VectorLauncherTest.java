package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A plain {@code java} command, without --add-modules, still gets the Vector API kernels. */
class VectorLauncherTest {

    private record Result(int code, String out, String err) {}

    private static Result runPlainJava(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("MNISTMLP_NO_RELAUNCH");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finishes");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void relaunchesWithTheVectorModuleAndNoWarning() throws Exception {
        Result r = runPlainJava(Map.of(), "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kernels: Vector API"), r.out());
        assertFalse(r.err().contains("incubator"), r.err());
    }

    @Test
    void relaunchPassesTheExitCodeThrough() throws Exception {
        Result r = runPlainJava(Map.of(), "--epochs", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("--epochs must be at least 1"), r.err());
    }

    @Test
    void theChildGetsTheSerialCollectorWithASmallYoungGenerationUnlessTheUserChoseOtherwise() {
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmn16m"), VectorLauncher.memoryOptions(List.of("-Xmx2g")));
        assertEquals(List.of("-XX:+UseSerialGC"), VectorLauncher.memoryOptions(List.of("-Xmn64m")));
        assertEquals(List.of("-XX:+UseSerialGC"), VectorLauncher.memoryOptions(List.of("-XX:MaxNewSize=64m")));
        assertEquals(List.of(), VectorLauncher.memoryOptions(List.of("-XX:+UseG1GC")));
    }

    @Test
    void theChildKeepsProfilingWhileTheOptimisingCompilerIsBusyUnlessTheUserSetIt() {
        assertEquals(List.of("-XX:Tier3DelayOn=" + Integer.MAX_VALUE), VectorLauncher.compilerOptions(List.of("-Xmx2g")));
        assertEquals(List.of(), VectorLauncher.compilerOptions(List.of("-XX:Tier3DelayOn=10")));
    }

    @Test
    void relaunchCanBeTurnedOff() throws Exception {
        Result r = runPlainJava(Map.of("MNISTMLP_NO_RELAUNCH", "1"), "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kernels: scalar"), r.out());
    }
}
