package io.chokepoint.tracking;

/** One problem in an input file, located by file, line and column. */
public record DataProblem(String file, long line, String column, String problem) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + column + ": " + problem;
    }
}
