package io.chokepoint.cli;

import java.util.function.IntSupplier;

import io.chokepoint.tracking.FactText;
import io.chokepoint.tracking.EventRecord;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.FieldInput;
import io.chokepoint.tracking.store.TrackerEdits;
import io.chokepoint.tracking.TrackerTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code event add}: record a dated fact about a project's facility. */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = "Records dated facts (events) about a facility.",
        subcommands = EventCommand.Add.class)
final class EventCommand {

    private EventCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Records an event for the facility of a project; it applies to every stage row of that "
                    + "facility (or to its --stage row only), and the next report run (or a --rerun of a reported month) takes it into account.",
                    "Kinds: announcement, approval, financing, fid, construction_start, commissioning, "
                            + "operating_start, target_change, suspension, cancellation, capacity_revision, "
                            + "offtake_signed, ownership_change, agreement."})
    static final class Add extends EditCommand {
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
        @Option(names = "--stage", paramLabel = "STAGE",
                description = "The stage row it concerns (default: every stage row of the facility).")
        String stage;
        @Option(names = "--target-year", paramLabel = "YYYY|none",
                description = "Typed: the year of first production it states, or 'none' if it withdraws the timeline.")
        String targetYear;
        @Option(names = "--capacity-tpa", paramLabel = "TONNES",
                description = "Typed: the capacity it states, in tonnes per year (with --capacity-unit and --capacity-basis).")
        String capacityTpa;
        @Option(names = "--capacity-unit", paramLabel = "UNIT", description = "Unit of --capacity-tpa, e.g. 't metal'.")
        String capacityUnit;
        @Option(names = "--capacity-basis", paramLabel = "BASIS",
                description = "nameplate, target, actual_output, contract or quota; a target with a target year on an "
                        + "operating facility is a planned expansion.")
        String capacityBasis;
        @Option(names = "--amount", paramLabel = "NUMBER",
                description = "Typed: the money it states, in units of --amount-currency (not millions), with "
                        + "--funding-kind and --funding-status.")
        String amount;
        @Option(names = "--amount-currency", paramLabel = "CODE", description = "ISO 4217 code of --amount, e.g. AUD.")
        String amountCurrency;
        @Option(names = "--amount-usd-m", paramLabel = "NUMBER",
                description = "US$ million, only when the source stated a USD figure (never converted).")
        String amountUsdM;
        @Option(names = "--funding-kind", paramLabel = "KIND",
                description = "equity, debt, grant, government_commitment, prepayment or other.")
        String fundingKind;
        @Option(names = "--funding-status", paramLabel = "STATUS",
                description = "proposed, committed or closed; a proposed amount is always called proposed.")
        String fundingStatus;
        @Option(names = "--date-precision", paramLabel = "PRECISION",
                description = "day (default), month, quarter or year: a month/quarter/year date is its first day, and "
                        + "the event is news once that period has ended.")
        String datePrecision;
        Add(Environment environment) {
            super(environment, TrackerTable.EVENTS, "the event was not recorded", "add it when it has finished");
        }

        @Override
        IntSupplier edit(TrackerEdits edits, FieldInput input) {
            EventRecord record = edits.addEvent(projectId, input);
            return () -> printed(record);
        }

        private int printed(EventRecord record) {
            FacilityEvent e = record.event();
            String what = e.date() + " " + e.kind().code()
                    + (e.statusAfter() == null ? "" : " -> " + e.statusAfter().code())
                    + (e.stage() == null ? "" : " [" + e.stage().code() + "]")
                    + (e.targetYear() == null ? "" : ", target year " + e.targetYear().code())
                    + (e.capacity() == null ? "" : ", capacity " + FactText.plain(e.capacity().tonnesPerYear()) + " "
                    + e.capacity().unit() + " (" + e.capacity().basis().code() + ")")
                    + (e.funding() == null ? "" : ", " + ProjectCommand.money(e.funding()))
                    + (e.precision() == io.chokepoint.tracking.DatePrecision.DAY ? ""
                    : ", dated " + e.precision().label(e.date()));
            environment.out().println(switch (record.outcome()) {
                case ADDED -> "Recorded for facility " + e.facilityId() + ": " + what;
                case UPDATED -> "Already recorded for facility " + e.facilityId() + ": " + what
                        + "; its notes and typed facts were replaced";
                case ALREADY_RECORDED -> "Already recorded for facility " + e.facilityId() + ": " + what
                        + "; nothing changed";
            });
            return ExitCode.OK;
        }
    }
}
