package org.mnistmlp.nn.snippet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistmlp.autograd.Tensor;
import org.mnistmlp.nn.CrossEntropyLoss;
import org.mnistmlp.nn.Linear;
import org.mnistmlp.nn.ModelFile;
import org.mnistmlp.nn.Module;
import org.mnistmlp.nn.SGD;
import org.mnistmlp.nn.Sequential;
import org.mnistmlp.nn.SiLU;

/**
 * The README's example, verbatim, from outside the package (so it uses only the public API); a
 * second test keeps the README and this copy identical.
 */
class ReadmeSnippetTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path THIS_FILE = Path.of("src/test/java/org/mnistmlp/nn/snippet/ReadmeSnippetTest.java");

    @Test
    void theSnippetRunsAndSavesTheModel(@TempDir Path folder) throws IOException {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));   // the snippet prints; tests keep quiet
        try {
            // ---- README snippet begins ----
            RandomGenerator rng = new Well19937c(42);                 // seeded: same weights on every run
            Module model = new Sequential(new Linear(784, 128, rng), new SiLU(), new Linear(128, 10, rng));
            System.out.println(model);                                // Sequential( (0): Linear(784 → 128) ... )
            CrossEntropyLoss lossFn = new CrossEntropyLoss();
            SGD sgd = SGD.builder(model.parameters()).learningRate(0.1).momentum(0.9).build();

            Tensor images = Tensor.of(new float[64 * 784], 64, 784);  // a batch of 64 flattened 28×28 images
            int[] labels = new int[64];                               // their digits, 0..9
            sgd.zeroGrad();
            Tensor loss = lossFn.forward(model.forward(images), labels);
            loss.backward();
            sgd.step();
            System.out.println("loss " + loss.item());

            Path file = folder.resolve("mlp.bin");                    // folder: where to keep it
            ModelFile.save(model, file);                              // atomic: a temporary file, then a move
            ModelFile.load(model, file);                              // checks the checksum and the architecture
            // ---- README snippet ends ----

            assertTrue(Float.isFinite(loss.item()) && loss.item() > 0, "loss " + loss.item());
            float[] saved = model.parameters().get(3).toArray();
            model.parameters().get(3).data()[0] += 1f;
            ModelFile.load(model, file);
            assertArrayEquals(saved, model.parameters().get(3).toArray(), "the saved model loads back");
            String output = printed.toString(StandardCharsets.UTF_8);
            assertTrue(output.startsWith("Sequential(") && output.contains("(0): Linear(784 → 128)"), output);
            assertTrue(output.contains("loss " + loss.item()), output);
        } finally {
            System.setOut(console);
        }
    }

    @Test
    void theReadmeShowsExactlyTheCodeThatRuns() throws IOException {
        List<String> readme = trimmed(Files.readAllLines(README));
        int marker = indexOfLineContaining(readme, "ReadmeSnippetTest");
        int open = readme.subList(marker, readme.size()).indexOf("```java") + marker;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        List<String> snippet = readme.subList(open + 1, close);
        List<String> source = trimmed(Files.readAllLines(THIS_FILE));
        List<String> tested = source.subList(source.indexOf("// ---- README snippet begins ----") + 1,
                source.indexOf("// ---- README snippet ends ----"));
        assertTrue(snippet.size() > 10, "snippet found: " + snippet);
        assertTrue(snippet.equals(tested), "README.md and this test differ:\n" + snippet + "\n" + tested);
    }

    private static int indexOfLineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("README.md has no line naming " + text);
    }

    private static List<String> trimmed(List<String> lines) {
        return Arrays.asList(lines.stream().map(String::strip).toArray(String[]::new));
    }
}
