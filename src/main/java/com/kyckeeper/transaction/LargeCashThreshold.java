package com.kyckeeper.transaction;

import java.math.BigDecimal;
import java.util.Objects;

/** A threshold in a measure currency, inclusive (AT_LEAST, 含) or exclusive (MORE_THAN). */
record LargeCashThreshold(BigDecimal amount, String currency, LargeCashProperties.Comparison comparison) {

    LargeCashThreshold {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(comparison, "comparison");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("A threshold must be positive");
        }
    }

    boolean reachedBy(BigDecimal measured) {
        int c = measured.compareTo(amount);
        return comparison == LargeCashProperties.Comparison.AT_LEAST ? c >= 0 : c > 0;
    }
}
