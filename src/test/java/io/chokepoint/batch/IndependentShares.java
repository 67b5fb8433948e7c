package io.chokepoint.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A second, independent reading of product.md's share rules (state on a date, rules v3, metrics), written from the
 * brief and the data README with plain maps over the CSV records, sharing no code with the job. Tests compare the
 * job's figures with these.
 */
final class IndependentShares {

    private static final Map<String, Double> WEIGHTS = Map.of("operating", 1.0, "commissioning", 0.9,
            "under_construction", 0.75, "financing", 0.6, "approved", 0.4, "announced", 0.2, "study", 0.1,
            "suspended", 0.05, "cancelled", 0.0);
    private static final Map<String, String> UNITS = Map.of("mining", "t REO", "concentration", "t REO",
            "separation", "t REO", "metal", "t metal", "alloy", "t alloy", "magnet", "t magnet", "recycling", "t feed");
    private static final int MAX_AGE = 3;
    private static final int TARGET = 2030;

    /** China's share now, in 2030 as announced and risk-weighted; null shares when there is no current set. */
    record Shares(Double now, Double announced, Double weighted, Integer setYear, Integer staleSetYear) {
    }

    private final List<Map<String, String>> projects;
    private final List<Map<String, String>> events;
    private final List<Map<String, String>> baselines;

    IndependentShares(Path dataDir) throws IOException {
        projects = read(dataDir.resolve("projects.csv"));
        events = read(dataDir.resolve("events.csv"));
        baselines = read(dataDir.resolve("baselines.csv"));
    }

    private static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(r.toMap());
            }
        }
        return rows;
    }

    static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    static boolean has(Map<String, String> row, String column) {
        return row.get(column) != null && !row.get(column).isEmpty();
    }

    /** One project's state on day d: reported, status, target year, capacity (tpa, unit), expansion, since. */
    record State(boolean reported, String status, Integer targetYear, Double tpa, String unit,
                         Double expansionTpa, String expansionUnit, Integer expansionYear, LocalDate since) {
    }

    List<Map<String, String>> projects() {
        return projects;
    }

    List<Map<String, String>> events() {
        return events;
    }

    static String unit(String stage) {
        return UNITS.get(stage);
    }

    State state(Map<String, String> p, LocalDate d) {
        List<Map<String, String>> known = new ArrayList<>();
        for (Map<String, String> e : events) {
            if (e.get("facility_id").equals(p.get("facility_id"))
                    && (!has(e, "stage") || e.get("stage").equals(p.get("stage"))) && !date(e.get("date")).isAfter(d)) {
                known.add(e);
            }
        }
        known.sort(Comparator.comparing(e -> date(e.get("date")))); // stable: recorded order within a day
        LocalDate asOf = date(p.get("status_as_of"));
        boolean rowKnown = asOf == null || !asOf.isAfter(d);
        LocalDate announced = date(p.get("announced_on"));
        boolean longEstablished = p.get("status").equals("operating") && announced == null;
        boolean reported = longEstablished || (announced != null && !announced.isAfter(d)) || !known.isEmpty()
                || (asOf != null && rowKnown);
        Map<String, String> lastStatus = null;
        for (Map<String, String> e : known) {
            if (has(e, "status_after")) {
                lastStatus = e;
            }
        }
        String status;
        if (rowKnown && (lastStatus == null || asOf == null || !asOf.isBefore(date(lastStatus.get("date"))))) {
            status = p.get("status");
        } else if (lastStatus != null) {
            status = lastStatus.get("status_after");
        } else {
            status = longEstablished ? "operating" : "announced";
        }
        boolean operating = status.equals("operating");
        Integer targetYear = has(p, "target_year") ? Integer.valueOf(p.get("target_year")) : null;
        for (Map<String, String> e : known) {
            boolean expansion = operating && "target".equals(e.get("capacity_basis")) && has(e, "target_year")
                    && !e.get("target_year").equals("none");
            if (has(e, "target_year") && !expansion) {
                targetYear = e.get("target_year").equals("none") ? null : Integer.valueOf(e.get("target_year"));
            }
        }
        Double tpa = null;
        String unit = null;
        Double expTpa = null;
        String expUnit = null;
        Integer expYear = null;
        boolean rowTarget = "target".equals(p.get("capacity_basis"));
        if (!operating || !rowTarget) {
            tpa = has(p, "capacity_tpa") ? Double.valueOf(p.get("capacity_tpa")) : null;
            unit = p.get("capacity_unit");
        }
        if (operating && rowTarget && has(p, "capacity_tpa")) {
            expTpa = Double.valueOf(p.get("capacity_tpa"));
            expUnit = p.get("capacity_unit");
            expYear = targetYear;
        }
        for (Map<String, String> e : known) {
            if (!has(e, "capacity_tpa")) {
                continue;
            }
            if (operating && e.get("capacity_basis").equals("target")) {
                expTpa = Double.valueOf(e.get("capacity_tpa"));
                expUnit = e.get("capacity_unit");
                expYear = has(e, "target_year") && !e.get("target_year").equals("none")
                        ? Integer.valueOf(e.get("target_year")) : targetYear;
            } else {
                tpa = Double.valueOf(e.get("capacity_tpa"));
                unit = e.get("capacity_unit");
            }
        }
        LocalDate since = null;
        for (Map<String, String> e : known) {
            if (e.get("event").equals("operating_start")) {
                since = date(e.get("date"));
                break;
            }
        }
        if (since == null && !longEstablished) {
            for (Map<String, String> e : known) {
                if ("operating".equals(e.get("status_after"))) {
                    since = date(e.get("date"));
                    break;
                }
            }
        }
        return new State(reported, status, targetYear, tpa, unit, expTpa, expUnit, expYear, since);
    }

    Shares shares(String stage, YearMonth period) {
        LocalDate last = period.atEndOfMonth();
        int year = period.getYear();
        String unit = UNITS.get(stage);
        List<Map<String, String>> usable = new ArrayList<>();
        for (Map<String, String> b : baselines) {
            if (b.get("stage").equals(stage) && has(b, "value_tpa") && Integer.parseInt(b.get("year")) <= year
                    && unit.equals(b.get("unit")) && !has(b, "ree_group")
                    && (!has(b, "published_on") || !date(b.get("published_on")).isAfter(last))) {
                usable.add(b);
            }
        }
        Set<Integer> withChina = new HashSet<>();
        Set<Integer> withRest = new HashSet<>();
        for (Map<String, String> b : usable) {
            (b.get("country").equals("CN") ? withChina : b.get("country").equals("XX") ? withRest : new HashSet<Integer>())
                    .add(Integer.valueOf(b.get("year")));
        }
        withChina.retainAll(withRest);
        Integer setYear = withChina.stream().max(Integer::compare).orElse(null);
        if (setYear == null || year - setYear > MAX_AGE) {
            return new Shares(null, null, null, null, setYear);
        }
        Map<String, Double> now = new HashMap<>();
        Set<String> quota = new HashSet<>();
        for (Map<String, String> b : usable) {
            if (Integer.parseInt(b.get("year")) == setYear) {
                now.merge(b.get("country"), Double.valueOf(b.get("value_tpa")), Double::sum);
                if (b.get("basis").equals("quota")) {
                    quota.add(b.get("country"));
                }
            }
        }
        Map<String, Double> announced = new HashMap<>();
        Map<String, Double> weighted = new HashMap<>();
        for (Map<String, String> p : projects) {
            if (!p.get("stage").equals(stage) || quota.contains(p.get("country"))) {
                continue;
            }
            State s = state(p, last);
            if (!s.reported()) {
                continue;
            }
            String c = p.get("country");
            boolean comparable = s.tpa() != null && unit.equals(s.unit());
            if (s.status().equals("operating")) {
                boolean after = s.since() != null ? s.since().getYear() > setYear
                        : s.targetYear() != null && s.targetYear() > setYear;
                if (comparable && after) {
                    now.merge(c, s.tpa(), Double::sum);
                }
                if (s.expansionTpa() != null && s.expansionYear() != null && s.expansionYear() <= TARGET
                        && unit.equals(s.expansionUnit()) && (s.tpa() == null || comparable)) {
                    double increment = Math.max(0, s.expansionTpa() - (s.tpa() == null ? 0 : s.tpa()));
                    announced.merge(c, increment, Double::sum);
                    weighted.merge(c, increment * WEIGHTS.get("announced"), Double::sum);
                }
            } else if (!s.status().equals("cancelled") && s.targetYear() != null && s.targetYear() <= TARGET
                    && comparable) {
                announced.merge(c, s.tpa(), Double::sum);
                weighted.merge(c, s.tpa() * WEIGHTS.get(s.status()), Double::sum);
            }
        }
        return new Shares(china(now, Map.of()), china(now, announced), china(now, weighted), setYear, null);
    }

    private static double china(Map<String, Double> base, Map<String, Double> added) {
        double total = 0;
        for (double v : base.values()) {
            total += v;
        }
        for (double v : added.values()) {
            total += v;
        }
        return 100 * (base.getOrDefault("CN", 0.0) + added.getOrDefault("CN", 0.0)) / total;
    }
}
