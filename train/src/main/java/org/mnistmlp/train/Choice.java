package org.mnistmlp.train;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/** An option value named by a lower-case word on the command line, such as {@code adamw} or {@code one-cycle}. */
public interface Choice {

    /** The name a user types. */
    String id();

    /** The choice named {@code text} (ignoring case), or a conversion error listing the names. */
    static <E extends Enum<E> & Choice> E parse(E[] choices, String text, String what) {
        for (E choice : choices) {
            if (choice.id().equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw new TypeConversionException("unknown " + what + " '" + text + "'; expected one of: "
                + Arrays.stream(choices).map(Choice::id).collect(Collectors.joining(", ")));
    }
}
