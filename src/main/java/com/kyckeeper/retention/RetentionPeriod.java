package com.kyckeeper.retention;

/** How long a record class is kept, and the rule that says so (the longest applicable rule). */
public record RetentionPeriod(RecordClass recordClass, int years, String rule) {

    public RetentionPeriod {
        if (years < RetentionPolicy.FLOOR_YEARS) {
            throw new IllegalArgumentException("Retention rule '" + rule + "' keeps " + recordClass + " records for "
                    + years + " years: below the product's floor of " + RetentionPolicy.FLOOR_YEARS + " years");
        }
    }
}
