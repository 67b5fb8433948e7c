package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, CONTRIBUTING.md and docs/*.md points to a file that exists, and a link with an
 * anchor into a Markdown file to one of its headings (as GitHub names them). Links inside code are not links.
 */
class DocumentationLinksTest {

    /** {@code [text](target)} or {@code ![alt](target)}, the text possibly wrapped over lines; an optional title. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    record Link(Path file, int line, String target) {
    }

    @Test
    void everyRelativeLink_pointsToAnExistingFile_andHeading() throws IOException {
        List<Link> links = new ArrayList<>();
        for (Path file : documents()) {
            links.addAll(links(file));
        }
        assertThat(links).as("links found").hasSizeGreaterThan(20);

        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Link link : links) {
            String target = link.target();
            if (target.contains("://") || target.startsWith("mailto:")) {
                continue;
            }
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            Path resolved = path.isEmpty() ? link.file() : link.file().resolveSibling(path).normalize();
            String where = link.file() + ":" + link.line() + ": (" + target + ")";
            if (!Files.exists(resolved)) {
                broken.add(where + " no such file " + resolved);
            } else if (hash >= 0 && resolved.toString().endsWith(".md")) {
                String anchor = target.substring(hash + 1);
                Set<String> headings = anchors.computeIfAbsent(resolved, DocumentationLinksTest::anchorsOf);
                if (!headings.contains(anchor)) {
                    broken.add(where + " no heading #" + anchor + " in " + resolved);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyDocsPage_isLinkedFromTheReadme() throws IOException {
        Set<Path> linked = new HashSet<>();
        for (Link link : links(Path.of("README.md"))) {
            String path = link.target().split("#", 2)[0];
            if (!path.isEmpty() && !path.contains("://")) {
                linked.add(Path.of(path).normalize());
            }
        }
        for (Path page : documents()) {
            if (page.startsWith("docs")) {
                assertThat(linked).as("README.md links to " + page).contains(page);
            }
        }
    }

    /** The anchor names of headings GitHub makes, checked on headings this repository links to. */
    @Test
    void anchor_isGitHubs() {
        assertThat(anchor("The period summary (`summary-YYYY-MM.json`)")).isEqualTo("the-period-summary-summary-yyyy-mmjson");
        assertThat(anchor("Typed facts: what the numbers read")).isEqualTo("typed-facts-what-the-numbers-read");
        assertThat(anchor("Crashes, `kill -9` and SIGTERM")).isEqualTo("crashes-kill--9-and-sigterm");
        assertThat(anchor("The tracker's home")).isEqualTo("the-trackers-home");
        assertThat(anchor("`init`")).isEqualTo("init");
    }

    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Link> links(Path file) throws IOException {
        List<String> lines = proseLines(file);
        String text = String.join("\n", lines);
        List<Link> links = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            int line = 1 + (int) text.substring(0, link.start()).chars().filter(c -> c == '\n').count();
            links.add(new Link(file, line, link.group(1)));
        }
        return links;
    }

    /** The file's lines with fenced code blocks and code spans blanked, so that line numbers stay. */
    static List<String> proseLines(Path file) throws IOException {
        return outsideFences(file).stream().map(line -> CODE_SPAN.matcher(line).replaceAll("")).toList();
    }

    /** The file's lines with the lines of fenced code blocks blanked (a {@code # comment} there is no heading). */
    static List<String> outsideFences(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String stripped = line.strip();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
                lines.add("");
            } else if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Set<String> anchorsOf(Path file) {
        List<String> lines;
        try {
            lines = outsideFences(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> seen = new HashMap<>();
        Set<String> anchors = new HashSet<>();
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String anchor = anchor(heading.group(1));
                int times = seen.merge(anchor, 1, Integer::sum);
                anchors.add(times == 1 ? anchor : anchor + "-" + (times - 1));
            }
        }
        return anchors;
    }

    /** GitHub's: lower case, every character but letters, digits, {@code _}, {@code -} and spaces dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}_ -]", "").replace(' ', '-');
    }
}
