package io.chokepoint.report;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chokepoint.summary.CapacityTally;
import io.chokepoint.tracking.Investment;

/** How numbers read in text: one place, so the PDF and any text body say the same thing. */
public final class Formats {
    private Formats() {
    }

    /**
     * An amount of money in a text, e.g. "KRW 28500000000": a currency code the tracker uses and at least four
     * digits (a closed list, so that "ISO 9001" stays as written).
     */
    private static final Pattern AMOUNT_IN_TEXT = Pattern.compile(
            "\\b(USD|EUR|GBP|AUD|CAD|KRW|JPY|CNY|INR|NOK|CHF|SEK|MYR|VND|BRL|ZAR) (\\d{4,}(?:\\.\\d+)?)(?![\\d.,])");
    /** A bare tonnage in a text, e.g. "10000 t" or "10000 t/yr": at least four digits before a "t" unit. */
    private static final Pattern TONNES_IN_TEXT = Pattern.compile("(?<![\\d.,])(\\d{4,})(?=\\s?t\\b)");

    /** Tonnes with thousands separators and no decimals, e.g. "254,000". */
    public static String tonnes(double tonnes) {
        return String.format(Locale.ENGLISH, "%,.0f", tonnes);
    }

    public static String percent(Optional<Double> percent) {
        return percent.map(Formats::percent).orElse("n/a");
    }

    public static String percent(double percent) {
        return String.format(Locale.ENGLISH, "%.1f %%", percent);
    }

    /**
     * A change in percentage points with its sign, e.g. "+1.2 pp", "−0.4 pp" (a true minus sign), "0.0 pp" for a
     * change that rounds to nothing; "n/a" where there is nothing to compare.
     */
    public static String points(Optional<Double> points) {
        return points.map(Formats::points).orElse("n/a");
    }

    public static String points(double points) {
        double rounded = Math.round(points * 10) / 10.0;
        if (rounded == 0) {
            return "0.0 pp";
        }
        return (rounded > 0 ? "+" : "\u2212") + String.format(Locale.ENGLISH, "%.1f pp", Math.abs(rounded));
    }

    /**
     * Money in its own currency, scaled to k, M or bn with one decimal where it is not a round number, and the US
     * dollar figure in brackets only where a source gave one (never converted here): "KRW 28.5 bn (≈ US$19.3 M)",
     * "USD 689 M", "AUD 475 M".
     *
     * @param usdMillions the US$ million a source stated, or null
     */
    public static String money(BigDecimal amount, String currency, Double usdMillions) {
        String text = currency + " " + scaled(amount.doubleValue());
        if (usdMillions != null && !"USD".equals(currency)) {
            text += " (\u2248 US$" + scaled(usdMillions * 1e6) + ")";
        }
        return text;
    }

    /**
     * Typed money in its own currency (never converted; the source's US$ only where it gave one) and how far it got:
     * "AUD 475 M, closed (equity)", "USD 1.3 bn, proposed (debt)".
     */
    public static String funding(io.chokepoint.tracking.Funding f) {
        return money(f.amount(), f.currency(), f.usdMillions()) + ", " + f.status().code() + " ("
                + f.kind().code().replace('_', ' ') + ")";
    }

    /** A part of a change to two decimals, signed: "−0.22 pp". */
    public static String points2(double points) {
        double rounded = Math.round(points * 100) / 100.0;
        if (rounded == 0) {
            return "0.00 pp";
        }
        return (rounded > 0 ? "+" : "\u2212") + String.format(Locale.ENGLISH, "%.2f pp", Math.abs(rounded));
    }

    /** An investment as {@link #money(BigDecimal, String, Double)} prints it. */
    public static String money(Investment investment) {
        return money(investment.amount(), investment.currency(), investment.usdMillions());
    }

    /**
     * A free text (an event's value or notes) with its raw amounts and tonnages made readable: "KRW 28500000000"
     * becomes "KRW 28.5 bn", with the US dollar figure beside it when one of {@code stated} (the investments the
     * text's projects record) has the same currency and amount and a source gave its USD; "10000 t" becomes
     * "10,000 t". Everything else is left as written.
     */
    public static String amountsInText(String text, Collection<Investment> stated) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = AMOUNT_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            BigDecimal amount = new BigDecimal(m.group(2));
            String currency = m.group(1);
            Double usd = stated.stream()
                    .filter(i -> i.currency().equals(currency) && i.amount().compareTo(amount) == 0 && i.usdMillions() != null)
                    .map(Investment::usdMillions).findFirst().orElse(null);
            m.appendReplacement(out, Matcher.quoteReplacement(money(amount, currency, usd)));
        }
        m.appendTail(out);
        Matcher t = TONNES_IN_TEXT.matcher(out.toString());
        StringBuilder withTonnes = new StringBuilder();
        while (t.find()) {
            t.appendReplacement(withTonnes, tonnes(Double.parseDouble(t.group(1))));
        }
        t.appendTail(withTonnes);
        return withTonnes.toString();
    }

    /** Whether {@link #amountsInText} would find an amount of money in the text. */
    public static boolean hasAmount(String text) {
        return text != null && AMOUNT_IN_TEXT.matcher(text).find();
    }

    /** Whether the text holds an amount in another currency than USD: one that may take a stated USD figure. */
    public static boolean hasNonUsdAmount(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = AMOUNT_IN_TEXT.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("USD")) {
                return true;
            }
        }
        return false;
    }

    /** 28500000000 → "28.5 bn", 689000000 → "689 M", 4500 → "4.5 k", 950 → "950". */
    private static String scaled(double value) {
        double abs = Math.abs(value);
        String[] suffixes = {" bn", " M", " k"};
        double[] scales = {1e9, 1e6, 1e3};
        for (int i = 0; i < scales.length; i++) {
            // 999,950 rounds to "1,000.0 k": such a value reads better on the next scale up.
            if (abs >= scales[i] * 0.99995) {
                return oneDecimalWhereUseful(value / scales[i]) + suffixes[i];
            }
        }
        return oneDecimalWhereUseful(value);
    }

    private static String oneDecimalWhereUseful(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.format(Locale.ENGLISH, "%,.0f", rounded)
                : String.format(Locale.ENGLISH, "%,.1f", rounded);
    }

    public static String hhi(Optional<Double> hhi) {
        return hhi.map(h -> String.format(Locale.ENGLISH, "%,.0f", h)).orElse("n/a");
    }

    /**
     * A tally's capacity for a reader: the sum where any capacity was disclosed, "undisclosed" where none was,
     * "not comparable" where all are in another unit, and an empty string where there are no projects.
     */
    public static String capacity(CapacityTally tally) {
        if (tally.projects() == 0) {
            return "";
        }
        if (tally.comparable() > 0) {
            String text = tonnes(tally.tonnes());
            int soft = tally.undisclosed() + tally.notComparable();
            return soft > 0 ? text + " (+" + soft + " n/d)" : text;
        }
        return tally.allUndisclosed() ? "undisclosed" : "not comparable";
    }
}
