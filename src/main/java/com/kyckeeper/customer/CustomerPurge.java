package com.kyckeeper.customer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the retention module needs from the registry to forget a customer: the facts its clock
 * runs on (ids and dates only, no personal data), a row lock, and the deletion itself, which leaves
 * a tombstone so the id answers 410 Gone. Every method joins the caller's transaction.
 */
public interface CustomerPurge {

    /** One page (ordered by id, after {@code afterId}, exclusive; null = from the start) of all customers. */
    List<Relationship> relationships(String afterId, int limit);

    /** One page of closed customers whose relationship ended before {@code endedBefore}. */
    List<Relationship> closedBefore(LocalDate endedBefore, String afterId, int limit);

    /** The customer's relationship facts, without locking; empty when it does not exist (any more). */
    Optional<Relationship> relationship(CustomerId id);

    /** Locks the customer's row until the caller's transaction ends; empty when it does not exist (any more). */
    Optional<Relationship> lock(CustomerId id);

    /**
     * Locks the rows of those of the given customers that still exist, in id order (so that two
     * callers never deadlock), until the caller's transaction ends. At most {@link #MAX_BATCH} ids.
     */
    List<Relationship> lockAll(Collection<CustomerId> ids);

    /**
     * Deletes the customer's rows (versions, related parties, the record), replaces the free-text
     * purpose of its archive access requests by "[purged]" (the rows stay: who asked, who decided,
     * when) and writes its tombstone. The caller destroys the data key and holds the lock from {@link #lock}.
     */
    void purge(CustomerId id, PurgeRef ref);

    /**
     * {@link #purge} for many customers with set-based statements: one delete per table and one
     * batch of tombstones. The caller holds their locks ({@link #lockAll}). At most {@link #MAX_BATCH}.
     */
    void purgeAll(Map<CustomerId, PurgeRef> refs);

    /** The most ids one set-based call takes (an IN list: Oracle allows 1,000 expressions). */
    int MAX_BATCH = 1000;

    Optional<Tombstone> tombstone(CustomerId id);

    /** A page of tombstones (ordered by id), for reports. */
    List<Tombstone> tombstones(String afterId, int limit);

    /** Ids and dates only. {@code closedOn} is null while the relationship is open. */
    record Relationship(CustomerId id, CustomerStatus status, LocalDate closedOn) {
    }

    /** Why a customer was purged: the run, the policy, the dates its clock ran on. */
    record PurgeRef(String purgeRunId, String policy, LocalDate closedOn, LocalDate eligibleFrom) {
    }

    record Tombstone(CustomerId id, String purgeRunId, String policy, LocalDate closedOn, LocalDate eligibleFrom,
                     java.time.OffsetDateTime purgedAt) {
    }
}
