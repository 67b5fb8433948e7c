package io.chokepoint.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Makes content that must stay on one page (page 1) fit it, whatever it holds: the content is rendered on a scratch
 * document of the same page size and margins, and while it runs onto a second page one item is cut from its
 * longest cuttable list, and it is rendered again. Lists are named and say how short they may get; the content
 * writes an "and N more (see …)" line for a cut list itself. Content that is not a list is never cut: if the lists
 * are at their minimum and the page still overflows, it is written as it is. Not thread-safe.
 */
final class OnePage {

    /** Writes the content on {@code layout}, each list cut to what {@code lists} allows. */
    interface Content {
        void write(Layout layout, Lists lists);
    }

    /** The cuttable lists of one rendering: how many items each may show, and how many it had. */
    static final class Lists {
        private final Map<String, Integer> limits;
        private final Map<String, Integer> sizes = new LinkedHashMap<>();
        private final Map<String, Integer> minimums = new HashMap<>();

        private Lists(Map<String, Integer> limits) {
            this.limits = Map.copyOf(limits);
        }

        /** No cut: every list whole. */
        static Lists whole() {
            return new Lists(Map.of());
        }

        /** The first items of the list named {@code name} that this rendering shows, never fewer than {@code minimum}. */
        <T> List<T> shown(String name, List<T> items, int minimum) {
            if (sizes.containsKey(name)) {
                throw new IllegalStateException("two lists named " + name + " on one page");
            }
            sizes.put(name, items.size());
            minimums.put(name, Math.min(minimum, items.size()));
            return List.copyOf(items.subList(0, Math.min(items.size(), limits.getOrDefault(name, items.size()))));
        }

        private int shownCount(String name) {
            return Math.min(sizes.get(name), limits.getOrDefault(name, sizes.get(name)));
        }

        /** The list showing most items above its minimum (the later one on the page when two tie), if any. */
        private String longestCuttable() {
            String longest = null;
            int most = 0;
            for (String name : sizes.keySet()) {
                int shown = shownCount(name);
                if (shown > minimums.get(name) && shown >= most) {
                    longest = name;
                    most = shown;
                }
            }
            return longest;
        }
    }

    private final Supplier<Document> pages;
    private final PdfFonts fonts;

    /** @param pages makes an unopened document of the real one's page size and margins */
    OnePage(Supplier<Document> pages, PdfFonts fonts) {
        this.pages = pages;
        this.fonts = fonts;
    }

    /** How far each list of {@code content} is cut so that it fits one page (or the shortest it can be). */
    Lists fit(Content content) {
        Map<String, Integer> limits = new HashMap<>();
        while (true) {
            Lists lists = new Lists(limits);
            if (pagesNeeded(content, lists) == 1) {
                return new Lists(limits);
            }
            String cut = lists.longestCuttable();
            if (cut == null) {
                return new Lists(limits);
            }
            limits.put(cut, lists.shownCount(cut) - 1);
        }
    }

    /**
     * Renders the content on a scratch document and counts the pages of the file it makes. (The writer's page
     * number is no measure: a paragraph ending at the foot of a page starts a next page that stays empty and is
     * never written.)
     */
    private int pagesNeeded(Content content, Lists lists) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = pages.get();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        content.write(new Layout(document, writer, fonts), lists);
        document.close();
        try (PdfReader reader = new PdfReader(out.toByteArray())) {
            return reader.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the scratch page: " + e.getMessage(), e);
        }
    }
}
