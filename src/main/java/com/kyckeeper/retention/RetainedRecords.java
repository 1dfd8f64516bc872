package com.kyckeeper.retention;

import com.kyckeeper.customer.CustomerId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The retention SPI: a module that keeps records about a customer implements it as a Spring bean,
 * so that its records join the customer's retention clock and are deleted with the customer.
 * The customer module's own records are one implementation; the transaction module adds one
 * reporting each customer's latest booking date.
 *
 * <p>The purge works in batches: {@link #clocks} and {@link #purgeAll} run inside the purge
 * transaction of a batch of customers (at most {@link #MAX_BATCH}), whose rows are locked. The
 * single-customer methods serve the report and are the defaults the batch methods fall back to;
 * an implementation should override the batch methods with set-based statements.
 */
public interface RetainedRecords {

    /** The most customers one batch call carries (IN lists: Oracle allows 1,000 expressions). */
    int MAX_BATCH = com.kyckeeper.customer.CustomerPurge.MAX_BATCH;

    RecordClass recordClass();

    /** The clock of this module's records about the customer; empty when it holds none. */
    Optional<RecordClock> clock(CustomerId customer);

    /** Deletes this module's rows about the customer, in the caller's transaction (no own commit). */
    void purge(CustomerId customer, PurgeContext context);

    /** The clocks of several customers; a customer this module holds nothing about is absent. */
    default Map<CustomerId, RecordClock> clocks(Collection<CustomerId> customers) {
        Map<CustomerId, RecordClock> clocks = new LinkedHashMap<>();
        for (CustomerId c : customers) {
            clock(c).ifPresent(clock -> clocks.put(c, clock));
        }
        return clocks;
    }

    /** Deletes this module's rows about all these customers, in the caller's transaction (no own commit). */
    default void purgeAll(Map<CustomerId, PurgeContext> customers) {
        customers.forEach(this::purge);
    }

    /** Why the rows go: the run, the policy, the dates. Ids and dates only. */
    record PurgeContext(String purgeRunId, String policy, java.time.LocalDate clockStart,
                        java.time.LocalDate eligibleFrom) {
    }
}
