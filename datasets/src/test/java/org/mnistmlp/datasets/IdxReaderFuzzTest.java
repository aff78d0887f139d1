package org.mnistmlp.datasets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz tests of the IDX reader with Jazzer: whatever the bytes, raw or gzip, it returns data or throws
 * {@link DatasetException}; any other exception or error (an OutOfMemoryError from a forged count
 * included) fails the test.
 *
 * <p>{@code mvn verify} runs each test on an empty input and on every file under
 * {@code src/test/resources/org/mnistmlp/datasets/IdxReaderFuzzTestInputs/<method>/}, in milliseconds.
 * To fuzz for new inputs (30 s a test), run one test with {@code JAZZER_FUZZ=1} set, e.g.
 * {@code JAZZER_FUZZ=1 mvn -B -pl datasets -am test -Dtest=IdxReaderFuzzTest#images -Dsurefire.failIfNoSpecifiedTests=false};
 * a crashing input lands in that folder, where it stays as a regression test. The timeout is per input
 * (Jazzer passes it to the fuzzer) and a guard against hangs: an input takes microseconds.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IdxReaderFuzzTest {
    private static final Path NAME = Path.of("fuzz");

    @FuzzTest(maxDuration = "30s")
    void images(byte[] input) {
        try {
            IdxReader.parseImages("fuzz", FileContent.unpack(NAME, input));
        } catch (DatasetException expected) {
            // the documented way to refuse bad input
        }
    }

    @FuzzTest(maxDuration = "30s")
    void labels(byte[] input) {
        try {
            IdxReader.parseLabels("fuzz", FileContent.unpack(NAME, input), 10);
        } catch (DatasetException expected) {
            // the documented way to refuse bad input
        }
    }
}
