package io.chokepoint.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One facility at one chain stage, as the tracker holds it today. Nullable fields mean "not disclosed":
 * {@code capacity}, {@code investment}, {@code statusAsOf}, {@code announcedOn}, {@code targetYear},
 * {@code region}, {@code offtake}, {@code confidence}, {@code notes}.
 */
public record Project(
        String id,
        String facilityId,
        String company,
        List<Country> ownerCountries,
        String facility,
        Country country,
        String region,
        ChainStage stage,
        ProjectStatus status,
        LocalDate statusAsOf,
        Capacity capacity,
        Investment investment,
        LocalDate announcedOn,
        Integer targetYear,
        String offtake,
        OfftakeBinding offtakeBinding,
        String confidence,
        String sources,
        String notes,
        DatePrecision statusAsOfPrecision,
        String reeGroup) {

    /** The {@code ree_group} vocabulary: which rare earths a row processes (null = unknown). */
    public static final java.util.List<String> REE_GROUPS = List.of("light", "heavy", "both");

    public Project {
        statusAsOfPrecision = statusAsOfPrecision == null ? DatePrecision.DAY : statusAsOfPrecision;
        reeGroup = reeGroup == null || reeGroup.isBlank() ? null : reeGroup;
        if (reeGroup != null && !REE_GROUPS.contains(reeGroup)) {
            throw new IllegalArgumentException("unknown ree_group '" + reeGroup + "', expected one of light, heavy, both");
        }
        requireText(id, "id");
        requireText(facilityId, "facility_id");
        requireText(company, "company");
        requireText(facility, "facility");
        ownerCountries = List.copyOf(ownerCountries);
        if (ownerCountries.isEmpty()) {
            throw new IllegalArgumentException("owner_country is required");
        }
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(offtakeBinding, "offtakeBinding");
        if (targetYear != null && (targetYear < 1900 || targetYear > 2100)) {
            throw new IllegalArgumentException("target_year " + targetYear + " is not a plausible year");
        }
    }

    /** A project of the earlier format: a day-precise status date, rare-earth group unknown. */
    public Project(String id, String facilityId, String company, List<Country> ownerCountries, String facility,
                   Country country, String region, ChainStage stage, ProjectStatus status, LocalDate statusAsOf,
                   Capacity capacity, Investment investment, LocalDate announcedOn, Integer targetYear,
                   String offtake, OfftakeBinding offtakeBinding, String confidence, String sources, String notes) {
        this(id, facilityId, company, ownerCountries, facility, country, region, stage, status, statusAsOf, capacity,
                investment, announcedOn, targetYear, offtake, offtakeBinding, confidence, sources, notes, null, null);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** A facility that was already producing before the tracker began following it (no announcement date). */
    public boolean isLongEstablished() {
        return status == ProjectStatus.OPERATING && announcedOn == null;
    }

    /** Whether a capacity is disclosed in {@code unit}, so that it can be summed with others in it. */
    public boolean capacityIn(String unit) {
        return capacity != null && capacity.unit().equals(unit);
    }

    /** Whether a capacity is disclosed, but in another unit than {@code unit}: counted, never summed. */
    public boolean capacityInOtherUnitThan(String unit) {
        return capacity != null && !capacity.unit().equals(unit);
    }

    /** The first owner country, used for the owner view. */
    public Country primaryOwner() {
        return ownerCountries.get(0);
    }
}
