package io.chokepoint.cli;

import static io.chokepoint.ReportFileReader.column;
import static io.chokepoint.ReportFileReader.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ReportFileReader;
import io.chokepoint.report.excel.ExcelReportWriter;

/**
 * The distribution as a user installs it: the tar.gz unpacked with tar, its launcher started from another
 * directory and through a symlink, as real processes (after {@code mvn package}; run by failsafe).
 */
class DistributionIT {

    @TempDir
    static Path dir;

    static UnpackedDistribution distribution;

    @BeforeAll
    static void unpack() throws Exception {
        distribution = UnpackedDistribution.unpack(dir.resolve("opt"));
    }

    @Test
    void unpackedLauncher_runFromAnotherDirectory_writesTheMonthsReportsThere() throws Exception {
        Path home = Files.createDirectories(dir.resolve("tracker-home"));

        UnpackedDistribution.Result run = UnpackedDistribution.run(home, Map.of(),
                List.of(distribution.launcher().toString(), "run", "--period", "2026-01", "--no-email"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).contains("Status: COMPLETED");
        Path xlsx = home.resolve("reports/2026-01/chokepoint-2026-01.xlsx");
        Path pdf = home.resolve("reports/2026-01/chokepoint-2026-01.pdf");
        assertThat(home.resolve("chokepoint.db")).isRegularFile();
        assertThat(home.resolve("reports/2026-01/manifest.json")).isRegularFile();
        // Nothing is written into the installation.
        assertThat(distribution.home().resolve("chokepoint.db")).doesNotExist();
        assertThat(distribution.home().resolve("reports")).doesNotExist();

        double magnetChinaShare;
        try (Workbook workbook = ReportFileReader.workbook(xlsx)) {
            Sheet cells = workbook.getSheet(ExcelReportWriter.COUNTRY_STAGE);
            Row vnMetal = row(cells, "VN", "Vietnam", "metal").orElseThrow();
            assertThat(vnMetal.getCell(column(cells, "Projects")).getNumericCellValue()).isEqualTo(1);
            // The typed workbook (issue 13): no number where none was disclosed; the disclosure has its own column.
            assertThat(vnMetal.getCell(column(cells, "Pipeline capacity"))).isNull();
            assertThat(vnMetal.getCell(column(cells, "Capacity undisclosed (projects)")).getNumericCellValue())
                    .isEqualTo(1);
            Sheet stages = workbook.getSheet(ExcelReportWriter.STAGES);
            magnetChinaShare = row(stages, "magnet").orElseThrow().getCell(column(stages, "China share"))
                    .getNumericCellValue();
        }
        String text = ReportFileReader.pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(magnetChinaShare).isBetween(0.5, 1.0);
        assertThat(text).contains("January 2026").contains("Vietnam")
                .contains("magnet " + String.format(Locale.ROOT, "%.1f %%", magnetChinaShare * 100));
    }

    @Test
    void version_throughASymlinkOnPath_isThePomVersion() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("usr-local-bin"));
        Files.createSymbolicLink(bin.resolve("chokepoint"), distribution.launcher());
        String path = bin + ":" + System.getenv("PATH"); // the shell finds chokepoint on it, as in a terminal

        UnpackedDistribution.Result top = UnpackedDistribution.run(dir, Map.of("PATH", path),
                List.of("sh", "-c", "chokepoint --version"));
        UnpackedDistribution.Result run = UnpackedDistribution.run(dir, Map.of("PATH", path),
                List.of("sh", "-c", "chokepoint run --version"));

        assertThat(top.exitCode()).as(top.describe()).isZero();
        assertThat(top.out().strip()).isEqualTo("chokepoint " + UnpackedDistribution.version());
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out().strip()).isEqualTo("chokepoint " + UnpackedDistribution.version());
    }

    @Test
    void launcher_honoursJavaHomeAndChokepointOpts_andSetsMainsProperties() throws Exception {
        // A JAVA_HOME whose java leaves a mark, then hands over to the real one.
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin"));
        Path mark = dir.resolve("java-home-used");
        Path java = javaHome.resolve("java");
        Files.writeString(java, "#!/bin/sh\ntouch '" + mark + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        UnpackedDistribution.Result result = UnpackedDistribution.run(dir,
                Map.of("JAVA_HOME", javaHome.getParent().toString(),
                        "CHOKEPOINT_OPTS", "-XshowSettings:properties -Dchokepoint.opts.seen=yes"),
                List.of(distribution.launcher().toString(), "--version"));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(mark).exists();
        assertThat(result.err() + result.out()).contains("chokepoint.opts.seen = yes")
                .contains("org.jboss.logging.provider = slf4j").contains("java.awt.headless = true");
        assertThat(result.out()).contains("chokepoint " + UnpackedDistribution.version());
    }

    @Test
    void launcher_makesOneClassDataArchive_usesIt_andABadOrMismatchedOneNeverReachesTheTerminal() throws Exception {
        Path cache = dir.resolve("cache");
        Path archives = cache.resolve("chokepoint");
        Path work = Files.createDirectories(dir.resolve("cds"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        String version = "chokepoint " + UnpackedDistribution.version() + "\n";
        String preparing = "chokepoint: preparing a faster start, once: ~20 s\n";

        // The first call trains on the sample month in a temporary folder: one line on stderr says why it takes long,
        // nothing else of it shows, nothing is left.
        UnpackedDistribution.Result first = UnpackedDistribution.run(work, env, List.of(distribution.launcher().toString(), "--version"));
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(first.out()).isEqualTo(version);
        assertThat(first.err()).isEqualTo(preparing);
        assertThat(work).isEmptyDirectory();
        List<Path> made = jsaFiles(archives);
        assertThat(made).hasSize(1);
        assertThat(Files.size(made.get(0))).isGreaterThan(1_000_000);

        // The next call maps it: the program's classes come from it.
        UnpackedDistribution.Result used = UnpackedDistribution.run(work,
                Map.of("XDG_CACHE_HOME", cache.toString(), "CHOKEPOINT_OPTS", "-Xlog:class+load"),
                List.of(distribution.launcher().toString(), "--version"));
        assertThat(used.out()).contains("io.chokepoint.cli.Main source: shared objects file (top)");
        assertThat(jsaFiles(archives)).isEqualTo(made);

        // An archive this JVM cannot use (no compressed oops) is skipped without a word.
        UnpackedDistribution.Result mismatched = UnpackedDistribution.run(work,
                Map.of("XDG_CACHE_HOME", cache.toString(), "CHOKEPOINT_OPTS", "-XX:-UseCompressedOops"),
                List.of(distribution.launcher().toString(), "--version"));
        assertThat(mismatched.exitCode()).as(mismatched.describe()).isZero();
        assertThat(mismatched.out()).isEqualTo(version);
        assertThat(mismatched.err()).isEmpty();

        // A damaged one is dropped and made again.
        assertThat(made.get(0).toFile().setWritable(true)).isTrue();
        Files.writeString(made.get(0), "not an archive");
        UnpackedDistribution.Result damaged = UnpackedDistribution.run(work, env, List.of(distribution.launcher().toString(), "--version"));
        assertThat(damaged.exitCode()).as(damaged.describe()).isZero();
        assertThat(damaged.out()).isEqualTo(version);
        assertThat(damaged.err()).isEqualTo(preparing);
        assertThat(Files.size(jsaFiles(archives).get(0))).isGreaterThan(1_000_000);

        // With --quiet (errors only) it trains without the line.
        Path quietCache = dir.resolve("cache-quiet");
        UnpackedDistribution.Result quiet = UnpackedDistribution.run(work, Map.of("XDG_CACHE_HOME", quietCache.toString()),
                List.of(distribution.launcher().toString(), "status", "--quiet", "--db", dir.resolve("none.db").toString()));
        assertThat(quiet.err()).doesNotContain("preparing");
        assertThat(jsaFiles(quietCache.resolve("chokepoint"))).hasSize(1);

        // A training that cannot run (no temporary folder) leaves a marker, so later calls do not try again at once.
        Path failingCache = dir.resolve("cache-failing");
        Map<String, String> noTemp = Map.of("XDG_CACHE_HOME", failingCache.toString(), "TMPDIR", dir.resolve("no-such-dir").toString());
        for (int call = 0; call < 2; call++) {
            UnpackedDistribution.Result failing = UnpackedDistribution.run(work, noTemp, List.of(distribution.launcher().toString(), "--version"));
            assertThat(failing.exitCode()).as(failing.describe()).isZero();
            assertThat(failing.out()).isEqualTo(version);
            assertThat(failing.err()).isEmpty();
        }
        try (Stream<Path> files = Files.list(failingCache.resolve("chokepoint"))) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString().endsWith(".jsa.failed");
        }

        // Off: none is made; a value that is neither on nor off is refused.
        Path otherCache = dir.resolve("cache-off");
        UnpackedDistribution.Result off = UnpackedDistribution.run(work,
                Map.of("XDG_CACHE_HOME", otherCache.toString(), "CHOKEPOINT_CDS", "off"),
                List.of(distribution.launcher().toString(), "--version"));
        assertThat(off.out()).isEqualTo(version);
        assertThat(otherCache).doesNotExist();
        UnpackedDistribution.Result bad = UnpackedDistribution.run(work, Map.of("CHOKEPOINT_CDS", "maybe"),
                List.of(distribution.launcher().toString(), "--version"));
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err().strip()).isEqualTo("chokepoint: CHOKEPOINT_CDS is 'maybe'; use on or off");
    }

    /** A Java 25 or later beside the build's own, where the machine has one (the launcher's AOT cache path). */
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @Test
    void launcherOnJava25_makesAndUsesAnAotCache_aDamagedOrMismatchedOneIsASlowerStart_andTheRunPrintsTheSame()
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")),
                "no Java 25 at " + JAVA_25);
        Path cache = dir.resolve("cache-aot");
        Path archives = cache.resolve("chokepoint");
        Path work = Files.createDirectories(dir.resolve("aot"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", JAVA_25.toString());
        String version = "chokepoint " + UnpackedDistribution.version() + "\n";
        String preparing = "chokepoint: preparing a faster start, once: ~20 s\n";

        // The first call trains with -XX:AOTCacheOutput: one .aot file (no .jsa), nothing else on the terminal.
        UnpackedDistribution.Result first = UnpackedDistribution.run(work, env, List.of(distribution.launcher().toString(), "--version"));
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(first.out()).isEqualTo(version);
        assertThat(first.err()).isEqualTo(preparing);
        assertThat(work).isEmptyDirectory();
        List<Path> made = filesEndingWith(archives, ".aot");
        assertThat(made).hasSize(1);
        assertThat(filesEndingWith(archives, ".jsa")).isEmpty();
        assertThat(Files.size(made.get(0))).isGreaterThan(1_000_000);

        // The next call maps it (-XX:AOTCache).
        UnpackedDistribution.Result used = UnpackedDistribution.run(work,
                Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", JAVA_25.toString(), "CHOKEPOINT_OPTS", "-Xlog:class+load"),
                List.of(distribution.launcher().toString(), "--version"));
        assertThat(used.out()).contains("io.chokepoint.cli.Main source: shared objects file");
        assertThat(filesEndingWith(archives, ".aot")).isEqualTo(made);

        // A cache this JVM cannot use (no compressed oops) is skipped without a word.
        UnpackedDistribution.Result mismatched = UnpackedDistribution.run(work,
                Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", JAVA_25.toString(), "CHOKEPOINT_OPTS", "-XX:-UseCompressedOops"),
                List.of(distribution.launcher().toString(), "--version"));
        assertThat(mismatched.exitCode()).as(mismatched.describe()).isZero();
        assertThat(mismatched.out()).isEqualTo(version);
        assertThat(mismatched.err()).isEmpty();

        // A body overwritten in place (the header intact), which would crash the JVM, is dropped and made again.
        byte[] bytes = Files.readAllBytes(made.get(0));
        java.util.Arrays.fill(bytes, 64 * 1024, 1024 * 1024, (byte) 0x5a);
        Files.write(made.get(0), bytes);
        UnpackedDistribution.Result damaged = UnpackedDistribution.run(work, env, List.of(distribution.launcher().toString(), "--version"));
        assertThat(damaged.exitCode()).as(damaged.describe()).isZero();
        assertThat(damaged.out()).isEqualTo(version);
        assertThat(damaged.err()).isEqualTo(preparing);
        assertThat(filesEndingWith(archives, ".aot")).hasSize(1);

        // The sample month prints the same on 25 with its cache as on the build's Java with its archive: no JVM
        // warnings (native access, Unsafe) reach the terminal.
        Path on25 = Files.createDirectories(dir.resolve("month-25"));
        Path onBuild = Files.createDirectories(dir.resolve("month-build"));
        UnpackedDistribution.Result month25 = UnpackedDistribution.run(on25, env,
                List.of(distribution.launcher().toString(), "run", "--period", "2026-01", "--no-email"));
        UnpackedDistribution.Result monthBuild = UnpackedDistribution.run(onBuild,
                Map.of("XDG_CACHE_HOME", dir.resolve("cache-build").toString(), "CHOKEPOINT_CDS", "off"),
                List.of(distribution.launcher().toString(), "run", "--period", "2026-01", "--no-email"));
        assertThat(month25.exitCode()).as(month25.describe()).isZero();
        assertThat(normalised(month25.out(), on25)).isEqualTo(normalised(monthBuild.out(), onBuild));
        assertThat(normalised(month25.err(), on25)).isEqualTo(normalised(monthBuild.err(), onBuild));
    }

    /** Output with its folder and log timestamps replaced, to compare runs in two folders. */
    private static String normalised(String output, Path folder) {
        return output.replace(folder.toString(), "<folder>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}", "<time>");
    }

    private static List<Path> filesEndingWith(Path folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<Path> jsaFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    /**
     * The README's per-user install block, run as written with HOME in a temporary folder, for one version and then
     * for a second one built later (a new archive beside the old one in target/).
     */
    @Test
    void readmesPerUserInstall_survivesASecondVersion_andManFindsThePages() throws Exception {
        Path home = Files.createDirectories(dir.resolve("user-home"));
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Path target = Files.createDirectories(checkout.resolve("target"));
        String version = UnpackedDistribution.version();
        Files.copy(UnpackedDistribution.archive(".tar.gz"), target.resolve("chokepoint-" + version + ".tar.gz"));
        Path later = secondVersion(Files.createDirectories(dir.resolve("later")), "9.9.9");
        String install = installBlock();
        // As in a login shell on most systems: ~/.local/bin on the PATH, and no MANPATH, so man derives its path
        // from PATH (~/.local/bin gives ~/.local/share/man).
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", home.toString(), "CHOKEPOINT_CDS", "off",
                "PATH", home.resolve(".local/bin") + ":" + System.getenv("PATH")));
        env.put("MANPATH", null);

        UnpackedDistribution.Result first = UnpackedDistribution.run(checkout, env, List.of("sh", "-e", "-c", install));
        assertThat(first.exitCode()).as(install + "\n" + first.describe()).isZero();
        assertThat(first.out()).contains("chokepoint-run"); // the man page, printed as there is no terminal
        assertThat(home.resolve(".local/bin/chokepoint").toRealPath())
                .isEqualTo(home.resolve("opt/chokepoint-" + version + "/bin/chokepoint").toRealPath());

        // The second version: its archive, newer, beside the first in target/; the same lines again.
        Files.move(later, target.resolve(later.getFileName()));
        UnpackedDistribution.Result again = UnpackedDistribution.run(checkout, env, List.of("sh", "-e", "-c", install));
        assertThat(again.exitCode()).as(install + "\n" + again.describe()).isZero();

        Path opt = home.resolve("opt");
        assertThat(home.resolve(".local/bin/chokepoint").toRealPath())
                .isEqualTo(opt.resolve("chokepoint-9.9.9/bin/chokepoint").toRealPath());
        assertThat(opt.resolve("chokepoint-" + version)).isDirectory(); // kept, for a way back
        UnpackedDistribution.Result onPath = UnpackedDistribution.run(dir, env, List.of("sh", "-c", "chokepoint --version"));
        assertThat(onPath.exitCode()).as(onPath.describe()).isZero();
        assertThat(onPath.out()).isEqualTo("chokepoint " + version + "\n"); // the jar's own version, renamed folder or not
        UnpackedDistribution.Result man = UnpackedDistribution.run(dir, env, List.of("man", "-w", "chokepoint"));
        assertThat(man.exitCode()).as(man.describe()).isZero();
        assertThat(Path.of(man.out().strip()).toRealPath())
                .isEqualTo(opt.resolve("chokepoint-9.9.9/man/man1/chokepoint.1").toRealPath());
        assertThat(Files.readString(home.resolve(".bashrc")))
                .isEqualTo(". ~/opt/chokepoint-current/completion/chokepoint.bash\n");
    }

    /** The README's shell block that installs for the current user (the one that makes ~/opt/chokepoint-current). */
    private static String installBlock() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("```sh")) {
                int end = lines.subList(i, lines.size()).indexOf("```") + i;
                String block = String.join("\n", lines.subList(i + 1, end)) + "\n";
                if (block.contains("~/opt/chokepoint-current")) {
                    return block;
                }
            }
        }
        throw new AssertionError("README.md has no per-user install block (one that makes ~/opt/chokepoint-current)");
    }

    /** The distribution again as version {@code version}, its top folder renamed, packed with tar into {@code target}. */
    private static Path secondVersion(Path target, String version) throws Exception {
        Path work = Files.createDirectories(dir.resolve("repack"));
        UnpackedDistribution.unpack(work);
        Files.move(work.resolve("chokepoint-" + UnpackedDistribution.version()), work.resolve("chokepoint-" + version));
        Path archive = target.resolve("chokepoint-" + version + ".tar.gz");
        UnpackedDistribution.Result tar = UnpackedDistribution.run(work, Map.of(),
                List.of("tar", "-czf", archive.toString(), "chokepoint-" + version));
        assertThat(tar.exitCode()).as(tar.describe()).isZero();
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        return archive;
    }

    @Test
    void javaHomeWithoutJava_isOneLineAndExit3() throws Exception {
        UnpackedDistribution.Result result = UnpackedDistribution.run(dir, Map.of("JAVA_HOME", dir.resolve("nope").toString()),
                List.of(distribution.launcher().toString(), "--version"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).startsWith("chokepoint: JAVA_HOME is set to").doesNotContain("\n");
    }

    @Test
    void archive_holdsLauncherLibrariesSettingsCompletionAndManPages_andTheZipHoldsTheSame() throws Exception {
        Path home = distribution.home();
        assertThat(home.resolve("bin/chokepoint")).isExecutable();
        assertThat(Files.readString(home.resolve("bin/chokepoint.bat"))).contains("\r\n").contains("io.chokepoint.cli.Main");
        assertThat(home.resolve("lib/chokepoint-" + UnpackedDistribution.version() + ".jar")).isRegularFile();
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            assertThat(jars.map(jar -> jar.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("picocli-4"))
                    .noneMatch(name -> name.startsWith("picocli-codegen")) // build time only
                    .noneMatch(name -> name.startsWith("junit"));
        }
        String properties = Files.readString(home.resolve("conf/chokepoint.properties"));
        String env = Files.readString(home.resolve("conf/chokepoint.env"));
        for (String key : List.of("host", "port", "tls", "user", "password", "password-file", "from")) {
            assertThat(properties).contains("#smtp." + key + "=");
            assertThat(env).contains("#CHOKEPOINT_SMTP_" + key.toUpperCase(Locale.ROOT).replace('-', '_') + "=");
        }
        assertThat(env).contains("#CHOKEPOINT_DB=").contains("#CHOKEPOINT_OPTS=").contains("#JAVA_HOME=");
        assertThat(Files.readString(home.resolve("conf/analysis.properties")))
                .contains("target-year=").contains("unit.magnet=").contains("weight.operating=");
        assertThat(Files.readString(home.resolve("completion/chokepoint.bash")))
                .contains("complete -F _complete_chokepoint").contains("--period").contains("stakeholders");
        assertThat(Files.readString(home.resolve("man/man1/chokepoint.1"))).startsWith("'\\\"").contains(".TH \"CHOKEPOINT\"");
        assertThat(home.resolve("man/man1/chokepoint-run.1")).isRegularFile();
        assertThat(home.resolve("examples/week-51.csv")).isRegularFile();
        // The README's links into docs/ resolve in an installation too.
        for (String page : List.of("operations.md", "email.md", "outputs.md", "tracker-data.md", "benchmark.md")) {
            assertThat(home.resolve("docs/" + page)).isRegularFile();
        }

        assertThat(entries(UnpackedDistribution.archive(".zip"))).isEqualTo(filesUnder(dir.resolve("opt")));
    }

    private static List<String> entries(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>(file.stream().filter(entry -> !entry.isDirectory())
                    .map(entry -> entry.getName()).toList());
            Collections.sort(names);
            return names;
        }
    }

    private static List<String> filesUnder(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted().toList();
        }
    }
}
