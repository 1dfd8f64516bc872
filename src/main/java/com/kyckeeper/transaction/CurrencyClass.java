package com.kyckeeper.transaction;

import java.util.Set;

/** A group of currencies measured together (e.g. RMB; foreign currency in USD equivalent). */
record CurrencyClass(String name, Set<String> currencies, boolean others, LargeCashThreshold threshold,
                     Set<Direction> directions, LargeCashProperties.Window window) {

    String measureCurrency() {
        return threshold.currency();
    }

    boolean covers(Direction direction) {
        return directions.contains(direction);
    }

    boolean aggregatesPerDay() {
        return window == LargeCashProperties.Window.BUSINESS_DAY;
    }
}
