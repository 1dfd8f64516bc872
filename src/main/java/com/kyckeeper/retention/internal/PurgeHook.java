package com.kyckeeper.retention.internal;

import com.kyckeeper.customer.CustomerId;

/**
 * Called inside a customer's purge transaction just before it commits. Production has none; tests
 * provide one that throws to simulate a crash in the middle of a run.
 */
interface PurgeHook {

    void beforeCommit(String runId, CustomerId customer);
}
