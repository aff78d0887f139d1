package org.mnistmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Asserts that loading a file into a model is refused in one line and leaves the model as it was. */
final class Refusals {
    private Refusals() {}

    /** @return the one-line message of the {@link ModelFileException} that {@code load} throws */
    static String refusedLeavingUnchanged(Module model, Executable load) {
        List<float[]> before = model.parameters().stream().map(p -> p.data().clone()).toList();
        String message = assertThrows(ModelFileException.class, load).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), model.parameters().get(i).data(), "a rejected file changes nothing");
        }
        return message;
    }
}
