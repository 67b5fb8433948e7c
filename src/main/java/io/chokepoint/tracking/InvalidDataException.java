package io.chokepoint.tracking;

import java.util.List;
import java.util.stream.Collectors;

/** Input data with one or more problems; nothing was written. */
public class InvalidDataException extends TrackerException {
    private final List<DataProblem> problems;

    public InvalidDataException(List<DataProblem> problems) {
        super(problems.stream().map(DataProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<DataProblem> problems() {
        return problems;
    }
}
