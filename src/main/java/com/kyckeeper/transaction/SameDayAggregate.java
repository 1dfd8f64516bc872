package com.kyckeeper.transaction;

import java.math.BigDecimal;

/**
 * The running total of one customer, direction, currency class and business day (当日累计). The
 * transaction that makes it reach the threshold makes the whole day reportable, earlier ones included.
 */
record SameDayAggregate(BigDecimal total, int count, boolean reportable) {

    static SameDayAggregate empty() {
        return new SameDayAggregate(BigDecimal.ZERO, 0, false);
    }

    /** Adds a measured amount; once reportable, the day stays reportable. */
    SameDayAggregate add(BigDecimal measured, CurrencyClass currencyClass) {
        BigDecimal next = total.add(measured);
        boolean crossed = currencyClass.aggregatesPerDay() ? currencyClass.threshold().reachedBy(next)
                : currencyClass.threshold().reachedBy(measured);
        return new SameDayAggregate(next, count + 1, reportable || crossed);
    }

    /** True when this step is the one that made the day reportable. */
    boolean crossedFrom(SameDayAggregate before) {
        return reportable && !before.reportable;
    }
}
