package io.chokepoint.batch;

import java.nio.file.Path;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.inject.Inject;

import io.chokepoint.report.ArchivePage;

/**
 * Rewrites {@code reports/index.html} from the summaries and manifests on disk, atomically. It is the job's last
 * step, so a run that failed or was stopped before it leaves the previous page; a restart that completes writes it.
 */
public class WriteArchivePageBatchlet extends AbstractBatchlet {

    /** Directory under which {@code YYYY-MM/} output folders are written; the page goes at its top. */
    @Inject
    @BatchProperty
    String reports;

    @Override
    public String process() {
        new ArchivePage(Path.of(reports)).write();
        return "COMPLETED";
    }
}
