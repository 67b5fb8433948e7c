package io.chokepoint.batch;



/**
 * Removes the period's rows before a fresh snapshot, so projects deleted since an earlier run do not linger.
 * A restart skips this completed step and keeps the rows already written.
 */
public class ClearPeriodBatchlet extends PeriodBatchlet {

    @Override
    public String process() {
        tracker().periodProjects().deletePeriod(reportPeriod());
        return "COMPLETED";
    }
}
