package com.kyckeeper.retention;

/** Purge runs: the daily scheduled one (clustered Quartz) and manual ones, with dry run. */
public interface PurgeRuns {

    /** Queues a run for today; it executes on one node of the cluster. */
    PurgeRun request(boolean dryRun);

    PurgeRun get(String runId);

    PurgeCertificate certificate(String runId);
}
