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
}
