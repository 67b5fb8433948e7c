package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StakeholdersCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void sampleTracker() {
        assertThat(CliRun.run("init", "--sample", "--home", dir.toString()).exitCode()).isZero();
    }

    private CliRun stakeholders(String... args) {
        List<String> all = new ArrayList<>(List.of("stakeholders"));
        all.addAll(List.of(args));
        all.addAll(List.of("--home", dir.toString()));
        return CliRun.run(all.toArray(String[]::new));
    }

    @Test
    void add_list_remove() {
        CliRun ana = stakeholders("add", "ana@example.org", "--name", "Ana Lima", "--stages", "metal,separation",
                "--countries", "vn,KR");
        CliRun bo = stakeholders("add", "bo@example.org", "--name", "Bo");

        assertThat(ana.exitCode()).as(ana.err()).isZero();
        assertThat(ana.out()).isEqualTo("Added ana@example.org (Ana Lima), following stages separation;metal and"
                + " countries KR;VN\n");
        assertThat(bo.out()).isEqualTo("Added bo@example.org (Bo), following all stages\n");
        assertThat(stakeholders("list").out()).isEqualTo("email\tname\tstages\tcountries\tadded_at\n"
                + "ana@example.org\tAna Lima\tseparation;metal\tKR;VN\t2026-11-27T09:00:00Z\n"
                + "bo@example.org\tBo\t\t\t2026-11-27T09:00:00Z\n"
                + "2 active stakeholders\n");

        CliRun remove = stakeholders("remove", "BO@example.org");

        assertThat(remove.exitCode()).isZero();
        assertThat(remove.out()).isEqualTo("Removed BO@example.org; their delivery history is kept\n");
        assertThat(stakeholders("list").out()).contains("ana@example.org").doesNotContain("bo@example.org")
                .endsWith("1 active stakeholder\n");
        assertThat(stakeholders("list", "--all").out()).contains("bo@example.org\tBo\t\t\t2026-11-27T09:00:00Z\tremoved\n")
                .endsWith("1 active stakeholder, 1 removed\n");
        // Adding a removed stakeholder makes them active again.
        assertThat(stakeholders("add", "bo@example.org", "--name", "Bo N").out()).startsWith("Reactivated bo@example.org (Bo N)");
    }

    @Test
    void emptyList_saysHowToAdd() {
        CliRun list = stakeholders("list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("No stakeholders. Add one with: chokepoint stakeholders add EMAIL --name NAME\n");
    }

    @Test
    void lineBreakInName_isRefusedWithExit3_andNothingIsAdded() {
        CliRun add = stakeholders("add", "ana@example.org", "--name", "Ana\r\nBcc: all@example.org");

        assertThat(add.exitCode()).isEqualTo(3);
        assertThat(add.err()).isEqualTo("Not added: name 'Ana\\r\\nBcc: all@example.org' contains a line break or"
                + " control character (\\r at index 3), which could forge a mail header\n");
        assertThat(stakeholders("list").out()).startsWith("No stakeholders.");
    }

    @Test
    void badAddress_unknownStage_badCountry_duplicate_areRefusedWithExit3() {
        CliRun address = stakeholders("add", "ana at example.org", "--name", "Ana");
        CliRun stage = stakeholders("add", "ana@example.org", "--name", "Ana", "--stages", "metal,refining");
        CliRun country = stakeholders("add", "ana@example.org", "--name", "Ana", "--countries", "Korea");
        stakeholders("add", "ana@example.org", "--name", "Ana");
        CliRun duplicate = stakeholders("add", "ANA@example.org", "--name", "Ana again");

        assertThat(List.of(address, stage, country, duplicate)).extracting(CliRun::exitCode).containsOnly(3);
        assertThat(address.err()).startsWith("Not added: address 'ana at example.org' is not a valid email address");
        assertThat(stage.err()).isEqualTo("Not added: unknown stage 'refining', expected one of mining, concentration,"
                + " separation, metal, alloy, magnet, recycling\n");
        assertThat(country.err()).isEqualTo("Not added: country 'KOREA' is not a two-letter ISO 3166 code such as VN\n");
        assertThat(duplicate.err()).startsWith("ANA@example.org is already a stakeholder (as ana@example.org, added");
    }

    @Test
    void removeUnknown_isExit3_missingName_isAUsageError_noSubcommand_isAUsageError() {
        CliRun remove = stakeholders("remove", "nobody@example.org");
        CliRun noName = stakeholders("add", "ana@example.org");
        CliRun nothing = CliRun.run("stakeholders");

        assertThat(remove.exitCode()).isEqualTo(3);
        assertThat(remove.err()).isEqualTo("Not removed: nobody@example.org is not an active stakeholder"
                + " (see: chokepoint stakeholders list)\n");
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err()).contains("Missing required option: '--name=NAME'");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("Missing subcommand: add, list, remove or import");
    }

    @Test
    void import_validFile_addsEveryone() throws Exception {
        Path csv = Files.writeString(dir.resolve("people.csv"), "email,name,stages,countries\n"
                + "ana@example.org,Ana Lima,metal;alloy,VN\nbo@example.org,\"Nguyễn, Bo\",,\n");

        CliRun imported = stakeholders("import", csv.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("Imported 2 stakeholders from " + csv + ": 2 added, 0 reactivated,"
                + " 0 updated, 0 unchanged\n");
        assertThat(stakeholders("list").out()).contains("ana@example.org\tAna Lima\tmetal;alloy\tVN\t")
                .contains("bo@example.org\tNguyễn, Bo\t\t\t");
    }

    @Test
    void topLevelImportStakeholders_isTheSameImport() throws Exception {
        Path csv = Files.writeString(dir.resolve("people.csv"), "email,name,stages,countries\n"
                + "ana@example.org,Ana Lima,metal,VN\n");

        CliRun imported = CliRun.run("import", "stakeholders", csv.toString(), "--home", dir.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("Imported 1 stakeholders from " + csv + ": 1 added, 0 reactivated,"
                + " 0 updated, 0 unchanged\n");
        assertThat(stakeholders("list").out()).contains("ana@example.org\tAna Lima\tmetal\tVN\t");
        CliRun unknown = CliRun.run("import", "people", csv.toString(), "--home", dir.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown table 'people'").contains("stakeholders");
    }

    @Test
    void import_withProblems_reportsEachAsFileLineColumn_exit3_andImportsNothing() throws Exception {
        Path csv = Files.writeString(dir.resolve("people.csv"), "email,name,stages,countries\n"
                + "ana@example.org,Ana Lima,metal,VN\n"
                + "bo@example,\"Bo\rX\",magnets,\n");

        CliRun imported = stakeholders("import", csv.toString());

        assertThat(imported.exitCode()).isEqualTo(3);
        assertThat(imported.err()).isEqualTo(csv + ":3: email: address 'bo@example' is not a valid email address"
                + " such as ana@example.org: the domain 'example' must have a dot, e.g. example.org\n"
                + csv + ":3: name: name 'Bo\\rX' contains a line break or control character (\\r at index 2), which"
                + " could forge a mail header\n"
                + csv + ":3: stages: unknown stage 'magnets', expected one of mining, concentration, separation,"
                + " metal, alloy, magnet, recycling\n"
                + "Nothing imported: 3 problems in " + csv + "\n");
        assertThat(stakeholders("list").out()).startsWith("No stakeholders.");
    }

    @Test
    void import_missingFile_isExit3() {
        CliRun imported = stakeholders("import", dir.resolve("none.csv").toString());

        assertThat(imported.exitCode()).isEqualTo(3);
        assertThat(imported.err().strip()).isEqualTo("cannot import stakeholders: " + dir.resolve("none.csv")
                + " does not exist");
    }
}
