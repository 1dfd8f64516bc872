package com.kyckeeper.retention;

import com.kyckeeper.customer.CustomerId;
import java.util.Optional;

/**
 * The retention SPI: a module that keeps records about a customer implements it as a Spring bean,
 * so that its records join the customer's retention clock and are deleted with the customer.
 * The customer module's own records are one implementation; the transaction module adds one
 * reporting each customer's latest booking date.
 *
 * <p>Both methods run inside the purge transaction of one customer, whose row is locked.
 */
public interface RetainedRecords {

    RecordClass recordClass();

    /** The clock of this module's records about the customer; empty when it holds none. */
    Optional<RecordClock> clock(CustomerId customer);

    /** Deletes this module's rows about the customer, in the caller's transaction (no own commit). */
    void purge(CustomerId customer, PurgeContext context);

    /** Why the rows go: the run, the policy, the dates. Ids and dates only. */
    record PurgeContext(String purgeRunId, String policy, java.time.LocalDate clockStart,
                        java.time.LocalDate eligibleFrom) {
    }
}
