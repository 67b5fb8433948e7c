package io.chokepoint.tracking;

/**
 * One problem in input data, located by file, line and column ({@code FILE:LINE: column: problem}). Input given on
 * the command line has no file: its problems read {@code --option: problem}.
 */
public record DataProblem(String file, long line, String column, String problem) {

    /** A problem in a value given on the command line; {@code name} is the option or parameter. */
    public static DataProblem inOption(String name, String problem) {
        return new DataProblem(null, 0, name, problem);
    }

    @Override
    public String toString() {
        return file == null ? column + ": " + problem : file + ":" + line + ": " + column + ": " + problem;
    }
}
