package io.chokepoint.tracking;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fact's values as text, in the order of its table's columns ({@link TrackerTable#columns()}): what an export
 * writes, what an edit compares and what the command line shows ("" for empty).
 */
public final class FactText {

    private FactText() {
    }

    /** A project's values in the order of the projects header, as the sample files write them ("" for empty). */
    public static List<String> projectValues(Project p) {
        Capacity c = p.capacity();
        Investment i = p.investment();
        return List.of(p.id(), p.facilityId(), p.company(),
                p.ownerCountries().stream().map(Country::code).collect(Collectors.joining(";")),
                p.facility(), p.country().code(), text(p.region()), p.stage().code(), p.status().code(),
                text(p.statusAsOf()), c == null ? "" : plain(c.tonnesPerYear()), c == null ? "" : c.unit(),
                c == null ? "" : c.basis().code(), i == null ? "" : i.amount().toPlainString(),
                i == null ? "" : i.currency(), i == null ? "" : plain(i.usdMillions()), text(p.announcedOn()),
                p.targetYear() == null ? "" : p.targetYear().toString(), text(p.offtake()),
                p.offtakeBinding().code(), text(p.confidence()), text(p.sources()), text(p.notes()),
                p.statusAsOfPrecision() == DatePrecision.DAY ? "" : p.statusAsOfPrecision().code(),
                text(p.reeGroup()));
    }

    /** An event's values in the order of the events header. */
    public static List<String> eventValues(FacilityEvent e) {
        Capacity c = e.capacity();
        Funding f = e.funding();
        return List.of(e.facilityId(), e.date().toString(), e.kind().code(),
                e.statusAfter() == null ? "" : e.statusAfter().code(), text(e.value()), text(e.notes()),
                text(e.source()), e.stage() == null ? "" : e.stage().code(),
                e.targetYear() == null ? "" : e.targetYear().code(), c == null ? "" : plain(c.tonnesPerYear()),
                c == null ? "" : c.unit(), c == null ? "" : c.basis().code(),
                f == null ? "" : f.amount().toPlainString(), f == null ? "" : f.currency(),
                f == null ? "" : plain(f.usdMillions()), f == null ? "" : f.kind().code(),
                f == null ? "" : f.status().code(), e.precision().code());
    }

    /** A baseline's values in the order of the baselines header. */
    public static List<String> baselineValues(Baseline b) {
        return List.of(b.country().code(), b.stage().code(), String.valueOf(b.year()), plain(b.valueTpa()),
                text(b.unit()), text(b.basis()), text(b.source()), text(b.confidence()), text(b.notes()),
                text(b.publishedOn()), text(b.reeGroup()));
    }

    /** A control's values in the order of its CSV columns (lists {@code ;}-separated, as the files write them). */
    public static List<String> controlValues(ExportControl c) {
        return List.of(c.id(), c.country().code(), text(c.authority()), text(c.measure()),
                String.join(";", c.elements()),
                String.join(";", c.forms().stream().map(ExportControl.Form::code).toList()), c.scope().code(),
                text(c.announcedOn()), text(c.effectiveOn()), text(c.suspendedOn()), text(c.suspendedUntil()),
                text(c.liftedOn()), text(c.source()), text(c.notes()));
    }

    /** Plain digits: no {@code .0} on whole numbers, no exponent; empty for null. */
    public static String plain(Double number) {
        return number == null ? "" : BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

}
