package io.chokepoint.stakeholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.InvalidDataException;
import io.chokepoint.tracking.store.TrackerDatabase;

class StakeholderImportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private StakeholderDirectory directory;
    private StakeholderImport stakeholderImport;

    @BeforeEach
    void emptyTracker() {
        directory = new StakeholderDirectory(TrackerDatabase.createEmpty(dir.resolve("tracker.db")));
        stakeholderImport = new StakeholderImport(directory, CLOCK);
    }

    private Path csv(String text) throws Exception {
        return Files.writeString(dir.resolve("stakeholders.csv"), text);
    }

    @Test
    void validFile_isImported_andImportingItAgainChangesNothing() throws Exception {
        // given: a byte-order mark, columns in another order, a quoted name with a comma
        Path file = csv("\uFEFFname,email,countries,stages\r\n"
                + "\"Lima, Ana\",ana@example.org,VN;kr,metal;separation\r\n"
                + "Bo Nguyen,bo@example.org,,\r\n");

        // when
        StakeholderImport.Result first = stakeholderImport.run(file, "stakeholders.csv");
        StakeholderImport.Result second = stakeholderImport.run(file, "stakeholders.csv");

        // then
        assertThat(first).isEqualTo(new StakeholderImport.Result(2, 0, 0, 0));
        assertThat(second).isEqualTo(new StakeholderImport.Result(0, 0, 0, 2));
        assertThat(directory.active()).containsExactly(
                new Stakeholder("ana@example.org", "Lima, Ana", List.of(ChainStage.SEPARATION, ChainStage.METAL),
                        List.of(Country.of("KR"), Country.of("VN"))),
                new Stakeholder("bo@example.org", "Bo Nguyen", List.of(), List.of()));
    }

    @Test
    void knownAddresses_getTheFilesDetails_andRemovedOnesAreReactivated() throws Exception {
        directory.add(new Stakeholder("Ana@Example.org", "Ana", List.of(), List.of()), CLOCK.instant());
        directory.add(new Stakeholder("bo@example.org", "Bo", List.of(), List.of()), CLOCK.instant());
        directory.remove("bo@example.org");

        StakeholderImport.Result result = stakeholderImport.run(csv("email,name,stages,countries\n"
                + "ana@example.org,Ana Lima,metal,\nbo@example.org,Bo,,\nchi@example.net,Chi,,\n"), "s.csv");

        assertThat(result).isEqualTo(new StakeholderImport.Result(1, 1, 1, 0));
        assertThat(directory.active()).extracting(Stakeholder::email, Stakeholder::name).containsExactly(
                tuple("Ana@Example.org", "Ana Lima"),
                tuple("bo@example.org", "Bo"),
                tuple("chi@example.net", "Chi"));
    }

    @Test
    void everyProblem_isReportedWithFileLineAndColumn_andNothingIsImported() throws Exception {
        // given: line 3 holds a quoted name with a line break (the record starts on line 3, ends on line 4)
        Path file = csv("email,name,stages,countries\n"
                + "ana@example.org,Ana Lima,metal,VN\n"
                + "bo@example.org,\"Bo\nBcc: evil@example.net\",smelting,VN;XX\n"
                + "not-an-address,Chi,,\n"
                + "ANA@example.org,Ana again,,\n"
                + ",,,\n");

        // when
        InvalidDataException thrown = catchThrowableOfType(InvalidDataException.class,
                () -> stakeholderImport.run(file, "people.csv"));

        // then
        assertThat(thrown.problems()).containsExactly(
                new DataProblem("people.csv", 3, "name", "name 'Bo\\nBcc: evil@example.net' contains a line break"
                        + " or control character (\\n at index 2), which could forge a mail header"),
                new DataProblem("people.csv", 3, "stages", "unknown stage 'smelting', expected one of mining,"
                        + " concentration, separation, metal, alloy, magnet, recycling"),
                new DataProblem("people.csv", 3, "countries", "country 'XX' (Rest of world) is a placeholder of the"
                        + " tracker, not a country one can follow"),
                new DataProblem("people.csv", 5, "email", "address 'not-an-address' is not a valid email address"
                        + " such as ana@example.org: no @"),
                new DataProblem("people.csv", 6, "email", "'ANA@example.org' is already on line 2 (addresses are"
                        + " compared ignoring case)"),
                new DataProblem("people.csv", 7, "email", "an email address is required"),
                new DataProblem("people.csv", 7, "name", "a name is required"));
        assertThat(thrown.getMessage()).startsWith("people.csv:3: name: name 'Bo\\nBcc");
        assertThat(directory.all()).isEmpty();
    }

    @Test
    void missingColumn_isOneProblemOnLineOne() throws Exception {
        InvalidDataException thrown = catchThrowableOfType(InvalidDataException.class,
                () -> stakeholderImport.run(csv("email,name\nana@example.org,Ana\n"), "s.csv"));

        assertThat(thrown.problems()).containsExactly(new DataProblem("s.csv", 1, "stages,countries",
                "missing column (the header must name email,name,stages,countries)"));
    }
}
