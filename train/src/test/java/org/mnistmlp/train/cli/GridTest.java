package org.mnistmlp.train.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Expanding option alternatives into runs: splitting, the cartesian product, labels, folders, arguments. */
class GridTest {
    private static final CommandSpec RUN = RunOptions.spec();

    private static Grid.Axis axis(String option, String... occurrences) {
        return Grid.Axis.of(RUN.findOption(option), List.of(occurrences));
    }

    @Test
    void commasSeparateAlternativesExceptForListValuedOptionsWhichRepeat() {
        assertEquals(List.of("0.1", "0.05"), axis("--lr", "0.1,0.05").values());
        assertEquals(List.of("0.1", "0.05", "0.01"), axis("--lr", "0.1,0.05", "0.01").values(), "repeating adds alternatives");
        assertEquals(List.of("128", "512,256"), axis("--hidden", "128", "512,256").values());
        assertEquals(List.of("512,256"), axis("--hidden", "512,256").values(), "one list is one alternative");
    }

    @Test
    void theProductHasEveryCombinationWithTheFirstOptionVaryingSlowest() {
        Grid grid = new Grid(List.of(axis("--activation", "relu,silu"), axis("--epochs", "3"), axis("--hidden", "128", "512,256")));
        List<Grid.Run> runs = grid.runs();
        assertEquals(4, runs.size());
        assertEquals(List.of("activation=relu, hidden=128", "activation=relu, hidden=512,256", "activation=silu, hidden=128",
                "activation=silu, hidden=512,256"), runs.stream().map(Grid.Run::label).toList(), "legends name only what differs");
        assertEquals(List.of("activation-relu_hidden-128", "activation-relu_hidden-512-256", "activation-silu_hidden-128",
                "activation-silu_hidden-512-256"), runs.stream().map(Grid.Run::folder).toList());
        assertArrayEquals(new String[] {"--activation", "silu", "--epochs", "3", "--hidden", "512,256"}, runs.get(3).args());
        assertEquals(List.of("silu", "512,256"), runs.get(3).varyingValues());
        assertEquals(List.of("activation", "hidden"), grid.varyingAxes().stream().map(Grid.Axis::name).toList());
    }

    @Test
    void eachRunParsesThroughTheTrainingOptions() {
        Grid.Run run = new Grid(List.of(axis("--lr", "0.1,0.05"), axis("--hidden", "64,32"))).runs().get(1);
        CommandSpec command = CommandSpec.create();
        new CommandLine(command);
        RunOptions options = RunOptions.parse(command, run.args());
        assertEquals(0.05, options.training.learningRate);
        assertEquals(List.of(64, 32), options.model.hidden);
        assertEquals(5, options.training.epochs, "options not given keep their defaults");
    }

    @Test
    void aFlagVariesBetweenPresentAndAbsent() {
        OptionSpec flag = OptionSpec.builder("--nesterov").arity("0").type(boolean.class).build();
        Grid.Axis axis = Grid.Axis.of(flag, List.of("true,false"));
        assertEquals(List.of("--nesterov"), axis.args("true"));
        assertEquals(List.of(), axis.args("false"));
    }

    @Test
    void emptyAndRepeatedValuesAreRefusedNamingTheOption() {
        for (String bad : new String[] {",", "0.1,", "", " "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> axis("--lr", bad));
            assertTrue(e.getMessage().startsWith("--lr has an empty value"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> axis("--hidden", "128", "128"));
        assertEquals("--hidden gives 128 twice", e.getMessage());
    }

    @Test
    void everyTrainingAndModelOptionIsAGridOptionOfCompare() {
        CommandSpec compare = new CommandLine(new TrainCommand(System.out)).getSubcommands().get("compare").getCommandSpec();
        for (OptionSpec option : RUN.options()) {
            OptionSpec grid = compare.findOption(option.longestName());
            assertTrue(grid != null, option.longestName() + " can vary in compare");
            assertEquals(List.class, grid.type(), option.longestName() + " keeps every value given");
            assertEquals(String.join("", option.description()).replace("${DEFAULT-VALUE}", option.defaultValueString()),
                    String.join("", grid.description()), "with its description and default");
        }
    }
}
