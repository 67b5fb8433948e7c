package io.chokepoint.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.stakeholders.StakeholderDirectory;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stakeholders add|list|remove|import}: who receives the monthly PDF. */
@Command(name = "stakeholders", mixinStandardHelpOptions = true,
        description = "Manages the stakeholders who are mailed the monthly PDF.",
        subcommands = ImportStakeholdersCommand.class)
final class StakeholdersCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec
    CommandSpec spec;

    StakeholdersCommand(Environment environment) {
        this.environment = environment;
    }

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        environment.err().println("Missing subcommand: add, list, remove or import");
        spec.commandLine().usage(environment.err());
        return ExitCode.USAGE;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a stakeholder; a removed one is made active again with these details.",
                    "Exit 3 if a value is invalid or the address is already an active stakeholder."})
    int add(@Parameters(paramLabel = "EMAIL", description = "A plain address such as ana@example.org.") String email,
            @Option(names = "--name", required = true, paramLabel = "NAME", description = "Display name.") String name,
            @Option(names = "--stages", split = ",", paramLabel = "STAGE",
                    description = "Stages followed (listed first in their mail), e.g. separation,metal.")
            List<String> stages,
            @Option(names = "--countries", split = ",", paramLabel = "CC",
                    description = "Countries followed, as ISO codes, e.g. VN,KR.") List<String> countries,
            @Mixin TrackerOptions tracker) {
        Stakeholder stakeholder;
        try {
            stakeholder = Stakeholder.parse(email, name, stages == null ? List.of() : stages,
                    countries == null ? List.of() : countries);
        } catch (IllegalArgumentException e) {
            environment.err().println("Not added: " + e.getMessage());
            return ExitCode.INPUT;
        }
        StakeholderDirectory directory = new StakeholderDirectory(tracker.open(environment));
        StakeholderDirectory.Change change = directory.add(stakeholder, environment.clock().instant());
        environment.out().println((change == StakeholderDirectory.Change.ADDED ? "Added " : "Reactivated ")
                + describe(stakeholder));
        return ExitCode.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the active stakeholders, tab-separated: email, name, stages, countries, added at.")
    int list(@Option(names = "--all", description = "Include removed stakeholders (status column).") boolean all,
             @Mixin TrackerOptions tracker) {
        PrintWriter out = environment.out();
        List<StakeholderDirectory.Entry> entries = new StakeholderDirectory(
                tracker.open(environment)).all().stream()
                .filter(e -> all || e.active()).toList();
        if (entries.isEmpty()) {
            out.println("No stakeholders. Add one with: chokepoint stakeholders add EMAIL --name NAME");
            return ExitCode.OK;
        }
        out.println("email\tname\tstages\tcountries\tadded_at" + (all ? "\tstatus" : ""));
        for (StakeholderDirectory.Entry entry : entries) {
            Stakeholder s = entry.stakeholder();
            out.println(s.email() + "\t" + s.name() + "\t" + codes(s.stages().stream().map(ChainStage::code).toList())
                    + "\t" + codes(s.countries().stream().map(Country::code).toList()) + "\t" + entry.addedAt()
                    + (all ? "\t" + (entry.active() ? "active" : "removed") : ""));
        }
        long active = entries.stream().filter(StakeholderDirectory.Entry::active).count();
        out.println(active + (active == 1 ? " active stakeholder" : " active stakeholders")
                + (all ? ", " + (entries.size() - active) + " removed" : ""));
        return ExitCode.OK;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Stops sending the report to a stakeholder; their delivery history is kept.",
                    "Exit 3 if the address is not an active stakeholder."})
    int remove(@Parameters(paramLabel = "EMAIL") String email, @Mixin TrackerOptions tracker) {
        StakeholderDirectory directory = new StakeholderDirectory(tracker.open(environment));
        if (!directory.remove(email)) {
            environment.err().println("Not removed: " + printable(email) + " is not an active stakeholder"
                    + " (see: chokepoint stakeholders list)");
            return ExitCode.INPUT;
        }
        environment.out().println("Removed " + email.strip() + "; their delivery history is kept");
        return ExitCode.OK;
    }

    static String describe(Stakeholder s) {
        return s.email() + " (" + s.name() + "), following "
                + (s.stages().isEmpty() ? "all stages" : "stages " + codes(s.stages().stream().map(ChainStage::code).toList()))
                + (s.countries().isEmpty() ? "" : " and countries " + codes(s.countries().stream().map(Country::code).toList()));
    }

    private static String codes(List<String> codes) {
        return codes.isEmpty() ? "" : codes.stream().collect(Collectors.joining(";"));
    }

    /** An address typed by someone, safe to print (a line break in it is shown escaped). */
    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
