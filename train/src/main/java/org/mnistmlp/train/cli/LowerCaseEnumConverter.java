package org.mnistmlp.train.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum option the way users write it: its constant in lower case with dashes
 * ({@code fashion-mnist} for {@code FASHION_MNIST}), any case accepted, and a bad value answered
 * with the lower-case choices.
 */
final class LowerCaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    private LowerCaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    /** The name a user types for an enum constant. */
    static String userName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (userName(constant).equalsIgnoreCase(value.replace('_', '-'))) {
                return constant;
            }
        }
        String choices = Arrays.stream(type.getEnumConstants()).map(LowerCaseEnumConverter::userName)
                .collect(Collectors.joining(", "));
        throw new TypeConversionException("'" + value + "' is not one of " + choices);
    }

    /**
     * The constant of {@code choices} whose {@code id} a user typed (any case), or a conversion error
     * naming {@code what} and listing the ids: "unknown optimizer 'adagrad'; expected one of: sgd, adam".
     */
    static <C extends Enum<C>> C byId(C[] choices, Function<C, String> id, String text, String what) {
        for (C choice : choices) {
            if (id.apply(choice).equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw new TypeConversionException("unknown " + what + " '" + text + "'; expected one of: "
                + Arrays.stream(choices).map(id).collect(Collectors.joining(", ")));
    }

    /** Registers a converter for every enum type that an option of any command takes. */
    static void registerForEveryEnumOption(CommandLine cli) {
        register(cli, cli);
    }

    private static void register(CommandLine root, CommandLine command) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
            if (type.isEnum()) {
                registerEnum(root, type.asSubclass(Enum.class));
            }
        }
        command.getSubcommands().values().forEach(sub -> register(root, sub));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerEnum(CommandLine root, Class<? extends Enum> type) {
        root.registerConverter(type, new LowerCaseEnumConverter(type));
    }
}
