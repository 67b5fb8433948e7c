package io.chokepoint.cli;

import java.util.concurrent.Callable;

import io.chokepoint.tracking.EventRecord;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.TrackerDatabase;
import io.chokepoint.tracking.TrackerTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code event add}: record a dated fact about a project's facility. */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = "Records dated facts (events) about a facility.",
        subcommands = EventCommand.Add.class)
final class EventCommand {

    private EventCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Records an event for the facility of a project; it applies to every stage row of that "
                    + "facility, and the next report run (or a --rerun of a reported month) takes it into account.",
                    "Kinds: announcement, approval, financing, fid, construction_start, commissioning, "
                            + "operating_start, target_change, suspension, cancellation, capacity_revision, "
                            + "offtake_signed, ownership_change, agreement."})
    static final class Add implements Callable<Integer> {
        private final Environment environment;

        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT_ID", description = "A project of the facility, e.g. VN-LSEE-01-MET.")
        String projectId;
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "When it happened.")
        String date;
        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "What happened (see the kinds above).")
        String kind;
        @Option(names = "--status-after", paramLabel = "STATUS", description = "The facility's status right after it.")
        String statusAfter;
        @Option(names = "--value", paramLabel = "TEXT", description = "Its key quantity, e.g. 'USD 620000000'.")
        String value;
        @Option(names = "--source", required = true, paramLabel = "TEXT", description = "'Publication YYYY-MM-DD URL'.")
        String source;
        @Option(names = "--notes", paramLabel = "TEXT", description = "What happened and how precise the date is.")
        String notes;
        @Mixin
        TrackerOptions tracker = new TrackerOptions();

        Add(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            TrackerDatabase db = tracker.open(environment);
            EventRecord record = db.edits().addEvent(projectId,
                    OptionColumns.given(spec.commandLine().getParseResult(), TrackerTable.EVENTS.columns()));
            FacilityEvent e = record.event();
            String what = e.date() + " " + e.kind().code()
                    + (e.statusAfter() == null ? "" : " -> " + e.statusAfter().code());
            environment.out().println(switch (record.outcome()) {
                case ADDED -> "Recorded for facility " + e.facilityId() + ": " + what;
                case NOTES_UPDATED -> "Already recorded for facility " + e.facilityId() + ": " + what
                        + "; its notes were replaced";
                case ALREADY_RECORDED -> "Already recorded for facility " + e.facilityId() + ": " + what
                        + "; nothing changed";
            });
            return ExitCode.OK;
        }
    }
}
