package org.mnistmlp.nn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz tests of the model-file and safetensors readers with Jazzer: whatever the bytes, reading returns a
 * model or throws {@link ModelFileException}; any other exception or error (an OutOfMemoryError from a
 * forged size included) fails the test.
 *
 * <p>{@code mvn verify} runs each test on an empty input and on every file under
 * {@code src/test/resources/org/mnistmlp/nn/ModelFileFuzzTestInputs/<method>/}, in milliseconds. To fuzz
 * for new inputs (30 s a test), run one test with {@code JAZZER_FUZZ=1} set, e.g.
 * {@code JAZZER_FUZZ=1 mvn -B -pl nn -am test -Dtest=ModelFileFuzzTest#modelFile -Dsurefire.failIfNoSpecifiedTests=false};
 * a crashing input lands in that folder, where it stays as a regression test. The timeout is per input
 * (Jazzer passes it to the fuzzer) and a guard against hangs: an input takes microseconds.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModelFileFuzzTest {

    /**
     * The input is a model file without its last four bytes, the checksum, which the test appends: random
     * changes would almost never keep a checksum right, and the fuzzer would not get past it.
     */
    @FuzzTest(maxDuration = "30s")
    void modelFile(byte[] withoutChecksum) {
        CRC32 crc = new CRC32();
        crc.update(withoutChecksum);
        byte[] file = ByteBuffer.allocate(withoutChecksum.length + 4).put(withoutChecksum).putInt((int) crc.getValue()).array();
        try {
            ModelFile.read("fuzz", file);
        } catch (ModelFileException expected) {
            // the documented way to refuse bad input
        }
    }

    @FuzzTest(maxDuration = "30s")
    void safetensors(byte[] input) {
        try {
            Safetensors.read("fuzz", input);
        } catch (ModelFileException expected) {
            // the documented way to refuse bad input
        }
    }
}
