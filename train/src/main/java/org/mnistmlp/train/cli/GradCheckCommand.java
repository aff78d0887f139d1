package org.mnistmlp.train.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistmlp.autograd.GradientCheck;
import org.mnistmlp.autograd.OpGradientChecks;
import org.mnistmlp.nn.LayerGradientChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * Runs the finite-difference gradient checks of every op and layer (the same lists the tests run) and
 * prints a table; exits 1 if any fails.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Checks every op's and layer's backward against finite differences and prints the worst relative error of each.")
final class GradCheckCommand implements Callable<Integer> {
    @ParentCommand TrainCommand parent;

    /** Every op's cases, then every layer's. */
    static List<GradientCheck.Case> cases() {
        List<GradientCheck.Case> cases = new ArrayList<>(OpGradientChecks.cases());
        cases.addAll(LayerGradientChecks.cases());
        return cases;
    }

    @Override
    public Integer call() {
        PrintStream out = parent.stdout();
        out.printf("%-48s %14s  %s%n", "check", "worst rel err", "result");
        int failed = 0;
        int total = 0;
        for (GradientCheck.Case c : cases()) {
            GradientCheck.Result r = c.run();
            boolean ok = r.passes(GradientCheck.TOLERANCE);
            failed += ok ? 0 : 1;
            total++;
            out.printf("%-48s %14.2e  %s%n", c.name(), r.worstRelativeError(), ok ? "pass" : "FAIL (" + r + ")");
        }
        out.printf("%n%d passed, %d failed (tolerance %.0e)%n", total - failed, failed, GradientCheck.TOLERANCE);
        return failed == 0 ? 0 : 1;
    }
}
