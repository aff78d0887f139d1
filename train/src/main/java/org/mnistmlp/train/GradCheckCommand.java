package org.mnistmlp.train;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.mnistmlp.autograd.GradientCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Runs the finite-difference gradient checks and prints a table; exits 1 if any fails. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Checks every op's and layer's backward against finite differences and prints the worst relative error of each.")
final class GradCheckCommand implements Callable<Integer> {
    @ParentCommand TrainCommand parent;

    @Override
    public Integer call() {
        PrintStream out = parent.stdout();
        out.printf("%-24s %14s  %s%n", "check", "worst rel err", "result");
        int failed = 0;
        int total = 0;
        for (GradCheckSuite.Case c : GradCheckSuite.cases()) {
            GradientCheck.Result r = c.check().get();
            boolean ok = r.passes(GradCheckSuite.TOLERANCE);
            failed += ok ? 0 : 1;
            total++;
            out.printf("%-24s %14.2e  %s%n", c.name(), r.worstRelativeError(), ok ? "pass" : "FAIL (" + r + ")");
        }
        out.printf("%n%d passed, %d failed (tolerance %.0e)%n", total - failed, failed, GradCheckSuite.TOLERANCE);
        return failed == 0 ? 0 : 1;
    }
}
