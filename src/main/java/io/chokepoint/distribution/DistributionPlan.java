package io.chokepoint.distribution;

import java.util.List;
import java.util.Objects;

import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Who gets a period's mail now, and why the other active stakeholders do not.
 *
 * @param activeStakeholders how many stakeholders are active
 * @param recipients         who is sent the mail, by address
 * @param delivered          active stakeholders who have the period's report (SENT or OUTBOX)
 * @param rejected           active stakeholders whose server rejected it for good: sent again only on purpose
 * @param inDoubt            active stakeholders with a delivery whose outcome was never recorded (the sending
 *                           process ended mid-send): not sent again automatically, as it may have arrived
 */
public record DistributionPlan(ReportPeriod period, Selection selection, int activeStakeholders,
                               List<Stakeholder> recipients, List<String> delivered, List<String> rejected,
                               List<String> inDoubt) {
    public DistributionPlan {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(selection, "selection");
        recipients = List.copyOf(recipients);
        delivered = List.copyOf(delivered);
        rejected = List.copyOf(rejected);
        inDoubt = List.copyOf(inDoubt);
    }

    public boolean nothingToSend() {
        return recipients.isEmpty();
    }
}
