package com.kyckeeper.retention;

/** Where a customer stands in its retention life. */
public enum RetentionStatus {
    /** The relationship (or another record's use) continues: no clock runs yet. */
    OPEN,
    /** A clock runs but has not reached its end. */
    RETAINED,
    /** Due by every clock, but a legal hold keeps it. */
    HELD,
    /** Due: the next purge run deletes it. */
    DUE,
    /** Already purged: only its tombstone remains. */
    PURGED
}
