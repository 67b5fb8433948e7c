package io.chokepoint.tracking;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ISO 3166-1 alpha-2 country code, plus the two user-assigned codes the tracker uses:
 * {@code ZZ} (location undisclosed) and {@code XX} (rest of world, in baselines only).
 * Not an enum: the set of countries is open and new facilities appear in new countries.
 */
public record Country(String code) implements Comparable<Country> {

    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");
    private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public static final Country CHINA = new Country("CN");
    public static final Country UNDISCLOSED = new Country("ZZ");
    public static final Country REST_OF_WORLD = new Country("XX");

    public Country {
        if (code == null || !ALPHA2.matcher(code).matches()) {
            throw new IllegalArgumentException("country '" + code + "' is not a two-letter ISO 3166 code such as VN");
        }
        if (!ISO_CODES.contains(code) && !code.equals("ZZ") && !code.equals("XX")) {
            throw new IllegalArgumentException("country '" + code + "' is not an ISO 3166 country code");
        }
    }

    public static Country of(String code) {
        return new Country(code);
    }

    /** The remainder of the world in a baseline set: not a country, never ranked among the top three. */
    public boolean isRestOfWorld() {
        return equals(REST_OF_WORLD);
    }

    /** English name, e.g. "Vietnam"; the two user-assigned codes get their meaning. */
    public String displayName() {
        return switch (code) {
            case "ZZ" -> "Undisclosed location";
            case "XX" -> "Rest of world";
            default -> new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        };
    }

    @Override
    public int compareTo(Country other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
