package com.kyckeeper.retention;

import java.util.List;

/** Purge runs: the daily scheduled one (clustered Quartz) and manual ones, with dry run. */
public interface PurgeRuns {

    /** Queues a run for today; it executes on one node of the cluster. */
    PurgeRun request(boolean dryRun);

    PurgeRun get(String runId);

    PurgeCertificate certificate(String runId);

    /** COMPLIANCE or AUDITOR: the latest runs, newest first (at most {@code limit}). */
    List<PurgeRun> recent(int limit);

    /**
     * The certificate as JSON (the fields of {@link PurgeCertificate}), written to {@code out} with the
     * id lists streamed from the database one id at a time: memory stays flat however many customers
     * the run purged. Refuses (nothing written) like {@link #certificate} before completion.
     */
    void writeCertificate(String runId, java.io.OutputStream out);
}
