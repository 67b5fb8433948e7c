package io.chokepoint.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.chokepoint.stakeholders.StakeholderDirectory;
import io.chokepoint.stakeholders.StakeholderImport;
import io.chokepoint.tracking.InvalidDataException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Imports stakeholders from a CSV file, all or nothing: {@code import stakeholders FILE.csv}, also reachable as
 * {@code stakeholders import FILE.csv}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports stakeholders from FILE.csv with the header email,name,stages,countries (stages and"
                + " countries: codes separated by ';', empty for all).",
                "All or nothing: every problem is reported as FILE:LINE: column: problem and nothing is written"
                        + " (exit 3). Known addresses get the file's details and are made active again."})
final class ImportStakeholdersCommand implements Callable<Integer> {

    private final Environment environment;

    @Parameters(paramLabel = "FILE.csv", description = "The CSV file, or - for standard input.")
    Path file;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    ImportStakeholdersCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return importFile(tracker, file);
    }

    /** Imports {@code csv} into the tracker the options name; prints what it did, returns the exit code. */
    int importFile(TrackerOptions tracker, Path csv) {
        StakeholderImport stakeholderImport = new StakeholderImport(
                new StakeholderDirectory(tracker.open(environment)), environment.clock());
        StakeholderImport.Result result;
        boolean stdin = csv.toString().equals("-"); // - is standard input, named stdin in messages
        String label = stdin ? "stdin" : csv.toString();
        try {
            result = stdin ? stakeholderImport.run(environment.in(), label) : stakeholderImport.run(csv, label);
        } catch (InvalidDataException e) {
            e.problems().forEach(problem -> environment.err().println(problem));
            environment.err().println("Nothing imported: " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems") + " in " + label);
            return ExitCode.INPUT;
        }
        environment.out().println("Imported " + result.total() + " stakeholders from " + label + ": " + result.added()
                + " added, " + result.reactivated() + " reactivated, " + result.updated() + " updated, "
                + result.unchanged() + " unchanged");
        return ExitCode.OK;
    }
}
