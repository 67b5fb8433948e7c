package io.chokepoint.report.excel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice Calc run headless, as a stakeholder's "print to PDF" would lay a workbook out. In CI (env {@code CI}
 * set) a missing {@code soffice} fails the test; elsewhere the test is skipped, saying why.
 */
final class LibreOffice {
    private LibreOffice() {
    }

    /** Converts {@code xlsx} to PDF in {@code dir} with a throwaway user profile, and returns the PDF's page count. */
    static int printedPages(Path xlsx, Path dir) throws IOException, InterruptedException {
        Path soffice = soffice();
        Path out = Files.createDirectories(dir.resolve("printed"));
        // A profile of its own: a second soffice on the same profile (another build, a desktop session) would
        // hand the conversion to the running instance, or refuse to start.
        Path profile = dir.resolve("lo-profile");
        Path log = dir.resolve("soffice.log");
        Process process = new ProcessBuilder(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir", out.toString(),
                xlsx.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("soffice did not convert " + xlsx + " within 5 minutes");
        }
        String name = xlsx.getFileName().toString();
        Path pdf = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        if (process.exitValue() != 0 || !Files.exists(pdf)) {
            throw new AssertionError("soffice exited " + process.exitValue() + " without " + pdf + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    private static Path soffice() {
        for (String dirOnPath : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dirOnPath, "soffice");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String missing = "soffice (LibreOffice Calc) is not installed (apt-get install -y libreoffice-calc-nogui "
                + "fonts-crosextra-carlito)";
        if (System.getenv("CI") != null && !System.getenv("CI").equalsIgnoreCase("false")) {
            throw new AssertionError(missing + "; .ci/run installs it in CI");
        }
        Assumptions.abort(missing + "; skipped outside CI");
        return null;
    }
}
