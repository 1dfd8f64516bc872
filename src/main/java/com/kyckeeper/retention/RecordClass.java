package com.kyckeeper.retention;

/** The kinds of record a retention rule can govern, each with the fact its clock starts from. */
public enum RecordClass {
    /** Customer identity records: from the end of the business relationship. */
    CUSTOMER_IDENTITY,
    /** Transaction records (including one-off, walk-in ones): from the booking date. */
    TRANSACTION,
    /** Access (audit) events: kept separately, at least as long as the records they describe. */
    AUDIT_EVENT
}
