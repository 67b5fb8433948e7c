package io.chokepoint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.chokepoint.summary.TrackRecord;
import io.chokepoint.tracking.ProjectStatus;

/** The track record in words, for page 1, the tables and the archive page. */
public final class TrackRecordText {

    private TrackRecordText() {
    }

    /**
     * Page 1's one sentence, when at some stage less than half of the disclosed capacity first due before the
     * period's year operates; empty otherwise. One sentence for all such stages.
     */
    public static Optional<String> pageOne(TrackRecord record) {
        List<String> stages = new ArrayList<>();
        for (TrackRecord.Stage s : record.stages()) {
            Optional<Double> operating = s.operatingSharePercent();
            if (operating.isPresent() && operating.get() < 50) {
                stages.add(s.stage().code() + " " + Formats.percent(operating.get()) + " of "
                        + Formats.tonnes(s.due().tonnes()) + " " + s.unit()
                        + s.medianSlip().map(m -> ", median slip " + slip(m)).orElse(""));
            }
        }
        if (stages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Track record: less than half of the disclosed capacity first due before " + record.year()
                + " operates (" + String.join("; ", stages) + "); the projection still weights each project by its "
                + "status, not by this record.");
    }

    /** A slip in years, signed: "+1.5 years", "−1 year". */
    public static String slip(double years) {
        String number = years == Math.rint(years) ? String.format(Locale.ROOT, "%+.0f", years)
                : String.format(Locale.ROOT, "%+.1f", years);
        return number.replace("-", "\u2212") + (Math.abs(years) == 1 ? " year" : " years");
    }

    /** "12 · 25,900 t (3 undisclosed)". */
    public static String tally(TrackRecord.Tally t) {
        if (t.projects() == 0) {
            return "\u2013";
        }
        return t.projects() + " \u00b7 " + Formats.tonnes(t.tonnes())
                + (t.undisclosed() > 0 ? " (" + t.undisclosed() + " undisclosed)" : "");
    }

    /** The status weights, as the projection uses them: "operating 1.0, commissioning 0.9, …". */
    public static String weights(TrackRecord record) {
        return java.util.Arrays.stream(ProjectStatus.values())
                .map(st -> st.code() + " " + String.format(Locale.ROOT, "%.2f", record.weights().get(st)))
                .collect(Collectors.joining(", "));
    }
}
