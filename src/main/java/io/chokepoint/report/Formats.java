package io.chokepoint.report;

import java.util.Locale;
import java.util.Optional;

import io.chokepoint.summary.CapacityTally;

/** How numbers read in text: one place, so the PDF and any text body say the same thing. */
public final class Formats {
    private Formats() {
    }

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

    /**
     * An amount in its own currency, scaled, with the US dollar figure a source gave beside it (never converted
     * here): "KRW 28.5 bn (≈ US$19.3 M)", "USD 689 M", "EUR 110 M".
     */
    public static String money(io.chokepoint.tracking.Investment investment) {
        String own = investment.currency() + " " + scaled(investment.amount().doubleValue());
        if (investment.usdMillions() == null || investment.currency().equals("USD")) {
            return own;
        }
        return own + " (\u2248 US$" + scaled(investment.usdMillions() * 1_000_000) + ")";
    }

    /** 28,500,000,000 as "28.5 bn", 19,300,000 as "19.3 M", 840,000 as "840 k"; one decimal where it matters. */
    static String scaled(double amount) {
        String[] units = {"bn", "M", "k"};
        double[] sizes = {1e9, 1e6, 1e3};
        for (int i = 0; i < sizes.length; i++) {
            if (amount >= sizes[i]) {
                double value = amount / sizes[i];
                String number = Math.abs(value - Math.rint(value)) < 0.05 || value >= 100
                        ? String.format(Locale.ENGLISH, "%,.0f", value)
                        : String.format(Locale.ENGLISH, "%.1f", value);
                return number + " " + units[i];
            }
        }
        return String.format(Locale.ENGLISH, "%,.0f", amount);
    }
}
