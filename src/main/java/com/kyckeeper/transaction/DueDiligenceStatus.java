package com.kyckeeper.transaction;

/** NOT_REQUIRED below the threshold; SATISFIED or REQUIRED (with an open case) for large-value ones. */
public enum DueDiligenceStatus {
    NOT_REQUIRED, SATISFIED, REQUIRED
}
