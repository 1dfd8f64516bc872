package com.kyckeeper.retention;

/** Purge runs: the daily scheduled one (clustered Quartz) and manual ones, with dry run. */
public interface PurgeRuns {

    /** Queues a run for today; it executes on one node of the cluster. */
    PurgeRun request(boolean dryRun);

    PurgeRun get(String runId);

    PurgeCertificate certificate(String runId);

    /**
     * The certificate as JSON (the fields of {@link PurgeCertificate}), written to {@code out} with the
     * id lists streamed from the database one id at a time: memory stays flat however many customers
     * the run purged. Refuses (nothing written) like {@link #certificate} before completion.
     */
    void writeCertificate(String runId, java.io.OutputStream out);
}
