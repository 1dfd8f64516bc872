package com.kyckeeper.audit;

/** Append-only access log. There is no update or delete. */
public interface AccessLog {

    /** Appends in the caller's transaction: if the operation rolls back, so does its event. */
    void append(AccessEvent event);

    /** Appends in a transaction of its own: for refusals, whose operation never commits. */
    void appendIndependently(AccessEvent event);
}
