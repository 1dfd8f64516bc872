package com.kyckeeper.transaction;

/** EVALUATED by the rules, or RATE_MISSING until the day's FX rate arrives (then re-evaluated). */
public enum TransactionStatus {
    EVALUATED, RATE_MISSING
}
