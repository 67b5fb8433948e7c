package io.chokepoint.tracking;

/**
 * What an event states about a project's year of first production: a year, or that the timeline is withdrawn (on
 * hold, no new date). An event that says nothing about it has no {@code TargetYear} at all.
 *
 * @param year the year, or null when the timeline is withdrawn
 */
public record TargetYear(Integer year) {

    /** The oldest and latest years a tracker accepts as a production year. */
    public static final int FIRST = 1990;
    public static final int LAST = 2100;
    /** How a withdrawn timeline is written in CSV files and on the command line. */
    public static final String WITHDRAWN_CODE = "none";
    public static final TargetYear WITHDRAWN = new TargetYear(null);

    public TargetYear {
        if (year != null && (year < FIRST || year > LAST)) {
            throw new IllegalArgumentException("target year " + year + " is not a year from " + FIRST + " to " + LAST);
        }
    }

    public static TargetYear of(int year) {
        return new TargetYear(year);
    }

    /** Reads a year of four digits or {@code none}; throws with the expected form otherwise. */
    public static TargetYear parse(String text) {
        if (WITHDRAWN_CODE.equals(text)) {
            return WITHDRAWN;
        }
        if (text == null || !text.matches("\\d{4}") || Integer.parseInt(text) < FIRST
                || Integer.parseInt(text) > LAST) {
            throw new IllegalArgumentException("'" + text + "' is not a year from " + FIRST + " to " + LAST
                    + " or '" + WITHDRAWN_CODE + "' (timeline withdrawn)");
        }
        return of(Integer.parseInt(text));
    }

    public boolean withdrawn() {
        return year == null;
    }

    /** The CSV form: the year, or {@code none}. */
    public String code() {
        return year == null ? WITHDRAWN_CODE : year.toString();
    }

    @Override
    public String toString() {
        return code();
    }
}
