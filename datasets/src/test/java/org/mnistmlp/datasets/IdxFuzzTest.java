package org.mnistmlp.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random and mutated IDX input may only parse or throw {@link DatasetException}. */
class IdxFuzzTest {

    private static final int CASES = 3000;
    private static final int FILE_CASES = 600;

    @TempDir
    Path dir;

    @Test
    void parsersOnlyReturnDataOrThrowDatasetException() {
        SplittableRandom random = new SplittableRandom(20240531);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutant(random);
            rejected += outcome(i, input, () -> IdxReader.parseImages("fuzz", input));
            rejected += outcome(i, input, () -> IdxReader.parseLabels("fuzz", input, 10));
        }
        assertTrue(rejected > CASES / 2, "the mutations should break most inputs, rejected " + rejected);
    }

    @Test
    void fileReaderOnlyReturnsDataOrThrowsDatasetException() {
        SplittableRandom random = new SplittableRandom(77);
        for (int i = 0; i < FILE_CASES; i++) {
            byte[] content = random.nextBoolean() ? IdxBytes.gzip(mutant(random)) : mutant(random);
            mutate(random, content, 1 + random.nextInt(4));
            if (random.nextInt(4) == 0) {
                content = Arrays.copyOf(content, random.nextInt(content.length + 1));
            }
            Path file = IdxBytes.write(dir.resolve("case" + i + ".gz"), content);
            byte[] input = content;
            outcome(i, input, () -> IdxReader.readImages(file));
            outcome(i, input, () -> IdxReader.readLabels(file, 10));
        }
    }

    /** A valid file with a mutated header, mutated bytes, a cut, or pure noise. */
    private static byte[] mutant(SplittableRandom random) {
        int kind = random.nextInt(5);
        if (kind == 0) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] valid = random.nextBoolean()
                ? IdxBytes.images(random.nextInt(6), 1 + random.nextInt(5), 1 + random.nextInt(5))
                : IdxBytes.labels(random.nextInt(40));
        switch (kind) {
            case 1 -> ByteBuffer.wrap(valid).putInt(4 * random.nextInt(Math.min(4, valid.length / 4)), random.nextInt());
            case 2 -> mutate(random, valid, 1 + random.nextInt(6));
            case 3 -> valid = Arrays.copyOf(valid, random.nextInt(valid.length + 8));
            default -> { }
        }
        return valid;
    }

    private static void mutate(SplittableRandom random, byte[] content, int flips) {
        for (int f = 0; f < flips && content.length > 0; f++) {
            content[random.nextInt(content.length)] = (byte) random.nextInt(256);
        }
    }

    /** @return 1 if the input was rejected, 0 if parsed */
    private static int outcome(int caseNumber, byte[] input, Runnable parse) {
        try {
            parse.run();
            return 0;
        } catch (DatasetException expected) {
            assertTrue(!expected.getMessage().isBlank() && !expected.getMessage().contains("\n"));
            return 1;
        } catch (Throwable other) {
            fail("case " + caseNumber + " (" + input.length + " bytes) threw " + other, other);
            return 1;
        }
    }
}
