package io.chokepoint.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.function.IntSupplier;
import java.util.List;
import java.util.concurrent.Callable;

import io.chokepoint.tracking.FactText;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.FieldInput;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectChange;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.store.TrackerEdits;
import io.chokepoint.tracking.TrackerTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code project add|update|show}: keep one tracked project. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Adds, changes or shows one tracked project (one facility at one chain stage).",
        subcommands = {ProjectCommand.Add.class, ProjectCommand.Update.class, ProjectCommand.Show.class})
final class ProjectCommand {

    private ProjectCommand() {
    }

    /** The optional columns, shared by add and update. Values are read from the parse result, by option name. */
    static final class DetailOptions {
        @Option(names = "--region", paramLabel = "TEXT", description = "City, province or site.")
        String region;
        @Option(names = "--status-as-of", paramLabel = "YYYY-MM-DD", description = "Date of the evidence for the status.")
        String statusAsOf;
        @Option(names = "--capacity-tpa", paramLabel = "NUMBER", description = "Tonnes per year for this stage.")
        String capacityTpa;
        @Option(names = "--capacity-unit", paramLabel = "UNIT", description = "Unit of the capacity, e.g. 't metal'.")
        String capacityUnit;
        @Option(names = "--capacity-basis", paramLabel = "BASIS",
                description = "nameplate, target, actual_output, contract or quota.")
        String capacityBasis;
        @Option(names = "--investment-amount", paramLabel = "NUMBER",
                description = "Amount in units of the currency, not millions.")
        String investmentAmount;
        @Option(names = "--investment-currency", paramLabel = "CODE", description = "ISO 4217 code, e.g. KRW.")
        String investmentCurrency;
        @Option(names = "--investment-usd-m", paramLabel = "NUMBER",
                description = "US$ million, only when a source stated it.")
        String investmentUsdM;
        @Option(names = "--announced-on", paramLabel = "YYYY-MM-DD", description = "Date first announced or approved.")
        String announcedOn;
        @Option(names = "--target-year", paramLabel = "YYYY", description = "Target commissioning year.")
        String targetYear;
        @Option(names = "--offtake", paramLabel = "TEXT", description = "Offtakers, customers or feed partners.")
        String offtake;
        @Option(names = "--offtake-binding", paramLabel = "yes|no|unknown", description = "Whether an offtake is binding.")
        String offtakeBinding;
        @Option(names = "--confidence", paramLabel = "high|medium|low", description = "Confidence in the row.")
        String confidence;
        @Option(names = "--sources", paramLabel = "TEXT", description = "Sources: 'Publication YYYY-MM-DD URL ; ...'.")
        String sources;
        @Option(names = "--notes", paramLabel = "TEXT", description = "Context and caveats.")
        String notes;
        @Option(names = "--status-as-of-precision", paramLabel = "PRECISION",
                description = "month, quarter or year when the status evidence gives only that (default: a day).")
        String statusAsOfPrecision;
        @Option(names = "--ree-group", paramLabel = "light|heavy|both", description = "Which rare earths it processes.")
        String reeGroup;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a new project. Values are checked as an import checks them.",
                    "Stages: mining, concentration, separation, metal, alloy, magnet, recycling. Statuses: study, "
                            + "announced, approved, financing, under_construction, commissioning, operating, "
                            + "suspended, cancelled."})
    static final class Add extends EditCommand {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "Project id, e.g. VN-LSEE-01-MET.")
        String id;
        @Option(names = "--facility-id", required = true, paramLabel = "ID", description = "Facility id, e.g. VN-LSEE-01.")
        String facilityId;
        @Option(names = "--company", required = true, paramLabel = "TEXT", description = "Operator or developer.")
        String company;
        @Option(names = "--owner-country", required = true, paramLabel = "CODES",
                description = "Owner's ISO country code(s), several separated by ';'.")
        String ownerCountry;
        @Option(names = "--facility", required = true, paramLabel = "TEXT", description = "Facility or project name.")
        String facility;
        @Option(names = "--country", required = true, paramLabel = "CODE", description = "Location's ISO country code.")
        String country;
        @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "Chain stage of this row.")
        String stage;
        @Option(names = "--status", required = true, paramLabel = "STATUS", description = "Status of the facility.")
        String status;
        @Mixin
        DetailOptions details;

        Add(Environment environment) {
            super(environment, TrackerTable.PROJECTS, "the project was not added", "add it when it has finished");
        }

        @Override
        IntSupplier edit(TrackerEdits edits, FieldInput input) {
            Project p = edits.addProject(input);
            return () -> {
                environment.out().println("Added project " + p.id() + " (" + p.stage().code() + " stage of facility "
                        + p.facilityId() + ")");
                return ExitCode.OK;
            };
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Changes the given columns of a project and keeps the others.",
                    "An empty value (--region \"\") clears an optional column."})
    static final class Update extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The project's id, e.g. VN-LSEE-01-MET.")
        String id;
        @Option(names = "--facility-id", paramLabel = "ID", description = "Facility id.")
        String facilityId;
        @Option(names = "--company", paramLabel = "TEXT", description = "Operator or developer.")
        String company;
        @Option(names = "--owner-country", paramLabel = "CODES", description = "Owner's ISO country code(s), ';'-separated.")
        String ownerCountry;
        @Option(names = "--facility", paramLabel = "TEXT", description = "Facility or project name.")
        String facility;
        @Option(names = "--country", paramLabel = "CODE", description = "Location's ISO country code.")
        String country;
        @Option(names = "--stage", paramLabel = "STAGE", description = "Chain stage of this row.")
        String stage;
        @Option(names = "--status", paramLabel = "STATUS", description = "Status of the facility (give --status-as-of too).")
        String status;
        @Mixin
        DetailOptions details;

        Update(Environment environment) {
            super(environment, TrackerTable.PROJECTS, "the project was not changed", "update it when it has finished");
        }

        @Override
        IntSupplier edit(TrackerEdits edits, FieldInput input) {
            ProjectChange change = edits.updateProject(id, input);
            return () -> printed(change);
        }

        private int printed(ProjectChange change) {
            List<String> changed = change.changedColumns();
            if (changed.isEmpty()) {
                environment.out().println("Project " + id + ": nothing changed");
                return ExitCode.OK;
            }
            List<String> was = FactText.projectValues(change.before());
            List<String> now = FactText.projectValues(change.after());
            List<String> columns = TrackerTable.PROJECTS.columns();
            environment.out().println("Updated project " + id + ":");
            for (String column : changed) {
                int i = columns.indexOf(column);
                environment.out().println("  " + column + ": " + shown(was.get(i)) + " -> " + shown(now.get(i)));
            }
            return ExitCode.OK;
        }

        private static String shown(String value) {
            return value.isEmpty() ? "(empty)" : value;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a project's facts, its state today as the report derives it, and its facility's events.")
    static final class Show implements Callable<Integer> {
        private final Environment environment;

        @Parameters(index = "0", paramLabel = "ID", description = "The project's id, e.g. VN-LSEE-01-MET.")
        String id;
        @Mixin
        TrackerOptions tracker = new TrackerOptions();

        Show(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            TrackerDatabase db = tracker.open(environment);
            ProjectHistory history = db.edits().project(id);
            PrintWriter out = environment.out();
            Project p = history.project();
            out.println("Project " + p.id() + ": " + p.stage().code() + " stage of facility " + p.facilityId());
            List<String> columns = TrackerTable.PROJECTS.columns();
            List<String> values = FactText.projectValues(p);
            for (int i = 0; i < columns.size(); i++) {
                if (!values.get(i).isEmpty()) {
                    out.printf("  %-20s %s%n", columns.get(i), values.get(i));
                }
            }
            LocalDate today = LocalDate.now(environment.clock());
            ProjectState state = ProjectState.of(p, history.events(), today);
            out.println("State on " + today + ": " + (state.reported() ? state.status().code()
                    + (state.targetYear() == null ? ", no target year" : ", target year " + state.targetYear())
                    + ", capacity " + capacity(state.capacity())
                    + (state.expansion() == null ? "" : ", planned expansion to "
                    + capacity(state.expansion().capacity()) + " by " + state.expansion().year())
                    : "not yet reported (no dated evidence)"));
            out.println("Events of facility " + p.facilityId() + " (" + history.events().size() + "):");
            for (FacilityEvent e : history.events()) {
                out.println("  " + e.date() + (e.precision() == io.chokepoint.tracking.DatePrecision.DAY ? ""
                        : " (" + e.precision().code() + ")") + "  " + e.kind().code()
                        + (e.statusAfter() == null ? "" : " -> " + e.statusAfter().code())
                        + (e.value() == null ? "" : "  [" + e.value() + "]"));
                String facts = (e.stage() == null ? "" : " stage " + e.stage().code() + ";")
                        + (e.targetYear() == null ? "" : " target year " + e.targetYear().code() + ";")
                        + (e.capacity() == null ? "" : " capacity " + capacity(e.capacity()) + ";")
                        + (e.funding() == null ? "" : " " + money(e.funding()) + ";");
                if (!facts.isEmpty()) {
                    out.println("      typed:" + facts.substring(0, facts.length() - 1));
                }
                if (e.notes() != null) {
                    out.println("      notes: " + e.notes());
                }
                if (e.source() != null) {
                    out.println("      source: " + e.source());
                }
            }
            return ExitCode.OK;
        }
    }

    /** Typed money as "AUD 475000000 (equity, closed)", with the source's US$ where it gave one. */
    static String money(io.chokepoint.tracking.Funding f) {
        return f.currency() + " " + f.amount().toPlainString()
                + (f.usdMillions() == null ? "" : " (US$ " + FactText.plain(f.usdMillions()) + " M stated)")
                + " (" + f.kind().code() + ", " + f.status().code() + ")";
    }

    /** A capacity as "2000 t magnet (nameplate)"; "undisclosed" when none. */
    private static String capacity(io.chokepoint.tracking.Capacity capacity) {
        return capacity == null ? "undisclosed" : FactText.plain(capacity.tonnesPerYear())
                + " " + capacity.unit() + " (" + capacity.basis().code() + ")";
    }
}
