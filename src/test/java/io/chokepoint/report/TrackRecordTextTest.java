package io.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.summary.TrackRecord;
import io.chokepoint.summary.TrackRecord.Outcome;
import io.chokepoint.summary.TrackRecord.Tally;
import io.chokepoint.tracking.ChainStage;

/** Page 1's track-record sentence: said once, for the stages where less than half of the due capacity operates. */
class TrackRecordTextTest {

    private static TrackRecord.Stage stage(ChainStage stage, String unit, double onTime, double late, double notYet,
                                           Optional<Double> slip) {
        Map<Outcome, Tally> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.ON_TIME, new Tally(1, onTime, 0));
        outcomes.put(Outcome.LATE, new Tally(1, late, 0));
        outcomes.put(Outcome.NOT_YET, new Tally(2, notYet, 1));
        return new TrackRecord.Stage(stage, unit, outcomes, slip.isPresent() ? 2 : 0, slip);
    }

    @Test
    void underHalf_isOneSentence_naming_eachSuchStage() {
        // separation: 2,000 + 1,000 of 10,000 t operate (30 %); magnet: 3,000 of 5,000 (60 %): only separation.
        TrackRecord record = new TrackRecord(2026, List.of(
                stage(ChainStage.SEPARATION, "t REO", 2_000, 1_000, 7_000, Optional.of(2.0)),
                stage(ChainStage.MAGNET, "t magnet", 3_000, 0, 2_000, Optional.empty())),
                AnalysisSettings.defaults().riskWeights());
        assertThat(record.stage(ChainStage.SEPARATION).operatingSharePercent()).contains(30.0);
        assertThat(TrackRecordText.pageOne(record)).contains("Track record: less than half of the disclosed capacity "
                + "first due before 2026 operates (separation 30.0 % of 10,000 t REO, median slip +2 years); the "
                + "projection still weights each project by its status, not by this record.");
    }

    @Test
    void halfOrMore_orNothingDisclosed_saysNothing() {
        TrackRecord record = new TrackRecord(2026, List.of(
                stage(ChainStage.SEPARATION, "t REO", 5_000, 0, 5_000, Optional.of(-0.5)),
                stage(ChainStage.METAL, "t metal", 0, 0, 0, Optional.empty())),
                AnalysisSettings.defaults().riskWeights());
        assertThat(record.stage(ChainStage.METAL).operatingSharePercent()).isEmpty();
        assertThat(TrackRecordText.pageOne(record)).isEmpty();
        assertThat(TrackRecordText.slip(-0.5)).isEqualTo("\u22120.5 years");
        assertThat(TrackRecordText.slip(1)).isEqualTo("+1 year");
    }
}
