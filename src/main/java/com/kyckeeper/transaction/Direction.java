package com.kyckeeper.transaction;

/** Cash in (现金缴存) or cash out (现金支取); the two are never netted. */
public enum Direction {
    DEPOSIT, WITHDRAWAL
}
