package com.kyckeeper.transaction;

/** OPEN in the compliance queue; RESOLVED by compliance; CLOSED when the transaction no longer needs it. */
public enum CaseStatus {
    OPEN, RESOLVED, CLOSED
}
