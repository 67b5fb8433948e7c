package io.chokepoint.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.settings.SettingKey;
import io.chokepoint.settings.Settings;
import io.chokepoint.settings.SettingsCatalog;
import io.chokepoint.settings.SettingsException;

/**
 * The analysis's assumptions, from {@code analysis.properties}: each stage's canonical capacity unit (capacity in
 * any other unit is counted but never summed with it), the risk weight of each status, and the target year of
 * the projection, and how old a baseline set may be before it is stale ({@code baseline.max-age-years}).
 */
public record AnalysisSettings(Map<ChainStage, String> canonicalUnits, Map<ProjectStatus, Double> riskWeights,
                               int targetYear, int baselineMaxAgeYears) {

    private static final String DEFAULTS = "/analysis.properties";
    private static final String TARGET_YEAR = "target-year";
    private static final String BASELINE_MAX_AGE = "baseline.max-age-years";

    public AnalysisSettings {
        canonicalUnits = Map.copyOf(new EnumMap<>(canonicalUnits));
        riskWeights = Map.copyOf(new EnumMap<>(riskWeights));
        for (ChainStage stage : ChainStage.values()) {
            if (canonicalUnits.get(stage) == null || canonicalUnits.get(stage).isBlank()) {
                throw new IllegalArgumentException("no canonical unit for stage " + stage.code());
            }
        }
        for (ProjectStatus status : ProjectStatus.values()) {
            Double w = riskWeights.get(status);
            if (w == null || !(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("risk weight of " + status.code() + " must be a number from 0 to 1, was " + w);
            }
        }
        if (targetYear < 2000 || targetYear > 2100) {
            throw new IllegalArgumentException("target year must be between 2000 and 2100, was " + targetYear);
        }
        if (baselineMaxAgeYears < 0 || baselineMaxAgeYears > 100) {
            throw new IllegalArgumentException(BASELINE_MAX_AGE + " must be a whole number of years from 0 to 100, was "
                    + baselineMaxAgeYears);
        }
    }

    /** Settings with the default baseline age limit (3 years). */
    public AnalysisSettings(Map<ChainStage, String> canonicalUnits, Map<ProjectStatus, Double> riskWeights,
                            int targetYear) {
        this(canonicalUnits, riskWeights, targetYear, 3);
    }

    /** The documented defaults shipped in {@code analysis.properties}. */
    public static AnalysisSettings defaults() {
        return from(defaultProperties(), DEFAULTS);
    }

    /**
     * The analysis keys, for the one settings loader. Every key of an analysis file must be one of them: a misspelt
     * {@code target.year} would otherwise be ignored and the default used without a word.
     */
    public static SettingsCatalog catalog() {
        List<SettingKey> keys = new ArrayList<>();
        keys.add(SettingKey.fileOnly(TARGET_YEAR));
        keys.add(SettingKey.fileOnly(BASELINE_MAX_AGE));
        for (ChainStage stage : ChainStage.values()) {
            keys.add(SettingKey.fileOnly("unit." + stage.code()));
        }
        for (ProjectStatus status : ProjectStatus.values()) {
            keys.add(SettingKey.fileOnly("weight." + status.code()));
        }
        return new SettingsCatalog(keys, List.of(""));
    }

    /**
     * The defaults, overridden by the keys present in {@code file}.
     *
     * @throws SettingsException naming the file and the key, for a missing or unreadable file, an unknown key or a
     *                          bad value
     */
    public static AnalysisSettings load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("analysis settings file " + file + " does not exist (or is not a file); give an"
                    + " existing file with --analysis, or leave the option out for the documented defaults");
        }
        Properties properties = defaultProperties();
        try {
            // No environment: analysis keys are set in the file only.
            Settings.load(file, Map.of(), catalog()).fromFile("")
                    .forEach((key, value) -> properties.setProperty(key, value.value()));
        } catch (SettingsException e) {
            throw new SettingsException(e.getMessage(), e);
        }
        return from(properties, file.toString());
    }

    /** The settings with another target year. */
    public AnalysisSettings withTargetYear(int year) {
        return new AnalysisSettings(canonicalUnits, riskWeights, year, baselineMaxAgeYears);
    }

    private static Properties defaultProperties() {
        Properties properties = new Properties();
        try (InputStream in = AnalysisSettings.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static AnalysisSettings from(Properties p, String origin) {
        try {
            Map<ChainStage, String> units = new EnumMap<>(ChainStage.class);
            for (ChainStage stage : ChainStage.values()) {
                units.put(stage, p.getProperty("unit." + stage.code(), "").strip());
            }
            Map<ProjectStatus, Double> weights = new EnumMap<>(ProjectStatus.class);
            for (ProjectStatus status : ProjectStatus.values()) {
                String key = "weight." + status.code();
                weights.put(status, number(p, key));
            }
            return new AnalysisSettings(units, weights, year(p), maxAge(p));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("invalid analysis settings in " + origin + ": " + e.getMessage(), e);
        }
    }

    private static int year(Properties p) {
        String value = p.getProperty(TARGET_YEAR, "").strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TARGET_YEAR + " must be a year such as 2030, was '" + value + "'");
        }
    }

    private static int maxAge(Properties p) {
        String value = p.getProperty(BASELINE_MAX_AGE, "").strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(BASELINE_MAX_AGE + " must be a whole number of years such as 3, was '"
                    + value + "'");
        }
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key, "").strip();
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
        }
    }

    /**
     * The settings as one line in a fixed order, e.g. "target-year=2030; baseline.max-age-years=3; unit.mining=t REO;
     * …; weight.cancelled=0.0": a summary made under other settings is not compared with this one.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder("target-year=").append(targetYear)
                .append("; baseline.max-age-years=").append(baselineMaxAgeYears);
        for (ChainStage stage : ChainStage.values()) {
            text.append("; unit.").append(stage.code()).append('=').append(canonicalUnit(stage));
        }
        for (ProjectStatus status : ProjectStatus.values()) {
            text.append("; weight.").append(status.code()).append('=').append(weight(status));
        }
        return text.toString();
    }

    public String canonicalUnit(ChainStage stage) {
        return Objects.requireNonNull(canonicalUnits.get(stage));
    }

    public double weight(ProjectStatus status) {
        return Objects.requireNonNull(riskWeights.get(status));
    }
}
