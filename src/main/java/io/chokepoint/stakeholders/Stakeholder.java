package io.chokepoint.stakeholders;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * Someone who receives the monthly PDF: one mailbox, a name, and optionally the chain stages and countries they
 * follow (their mail lists those first). An empty list means "follows all". Stages are kept in chain order and
 * countries in code order, each once. Invalid values throw {@link IllegalArgumentException} with a message that
 * is safe to print (line breaks in the value are shown escaped).
 *
 * @param email     a plain ASCII address such as {@code ana@example.org}, unique whatever its case
 * @param name      the display name; no line breaks or control characters
 * @param stages    the stages followed, in chain order
 * @param countries the countries followed (ISO 3166 alpha-2; not the tracker's XX and ZZ placeholders)
 */
public record Stakeholder(String email, String name, List<ChainStage> stages, List<Country> countries) {

    public Stakeholder {
        email = ContactText.email(email);
        name = ContactText.name(name);
        stages = Objects.requireNonNull(stages, "stages").stream().map(Objects::requireNonNull).distinct().sorted()
                .toList();
        countries = Objects.requireNonNull(countries, "countries").stream().map(Stakeholder::followable).distinct()
                .sorted().toList();
    }

    /** Parses stage and country codes as typed by a person: surrounding blanks ignored, any case. */
    public static Stakeholder parse(String email, String name, Collection<String> stageCodes,
                                    Collection<String> countryCodes) {
        List<ChainStage> stages = stageCodes.stream().filter(c -> !c.isBlank()).map(Stakeholder::stage).toList();
        List<Country> countries = countryCodes.stream().filter(c -> !c.isBlank()).map(Stakeholder::country)
                .toList();
        return new Stakeholder(email, name, stages, countries);
    }

    /** A stage code such as {@code metal} (any case). */
    public static ChainStage stage(String code) {
        ContactText.requireSafe(code, "stage");
        return ChainStage.fromCode(code.strip().toLowerCase(Locale.ROOT));
    }

    /** A country code such as {@code VN} (any case); the tracker's XX and ZZ are not countries one can follow. */
    public static Country country(String code) {
        ContactText.requireSafe(code, "country");
        return followable(new Country(code.strip().toUpperCase(Locale.ROOT)));
    }

    private static Country followable(Country country) {
        Objects.requireNonNull(country, "country");
        if (country.isRestOfWorld() || country.equals(Country.UNDISCLOSED)) {
            throw new IllegalArgumentException("country '" + country + "' (" + country.displayName()
                    + ") is a placeholder of the tracker, not a country one can follow");
        }
        return country;
    }

    /** Whether the stakeholder follows this stage in particular (not merely "all stages"). */
    public boolean followsStage(ChainStage stage) {
        return stages.contains(stage);
    }

    /** The address as a key: addresses differing only in (ASCII) case are the same stakeholder. */
    public String key() {
        return key(email);
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
