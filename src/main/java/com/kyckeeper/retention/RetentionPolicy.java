package com.kyckeeper.retention;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The retention rules in force (one profile of policies/retention.yml), as plain Java: the
 * period per record class (the longest applicable rule wins) and the clocks computed from facts.
 */
public record RetentionPolicy(String profile, Map<RecordClass, RetentionPeriod> periods) {

    /** The product's floor (domain.md §4): no policy may keep records for less. */
    public static final int FLOOR_YEARS = 5;

    public RetentionPolicy {
        periods = Map.copyOf(new EnumMap<>(periods));
        for (RecordClass c : RecordClass.values()) {
            if (!periods.containsKey(c)) {
                throw new IllegalArgumentException("Retention profile '" + profile + "' has no rule for " + c);
            }
        }
    }

    public RetentionPeriod periodFor(RecordClass recordClass) {
        return periods.get(recordClass);
    }

    /** The label kept on tombstones and certificates: profile and deciding rule. */
    public String label(RecordClass decidingClass) {
        return profile + "/" + periodFor(decidingClass).rule();
    }

    /**
     * Assesses one customer on {@code asOf}. Due when the customer-identity clock has started
     * (relationship closed), every record's period has run, and no legal hold applies.
     */
    public RetentionAssessment assess(Collection<RecordClock> clocks, boolean legalHold, LocalDate asOf) {
        RecordClock identity = clocks.stream().filter(c -> c.recordClass() == RecordClass.CUSTOMER_IDENTITY)
                .findFirst().orElse(RecordClock.notStarted(RecordClass.CUSTOMER_IDENTITY));
        if (!identity.started()) {
            return new RetentionAssessment(RetentionStatus.OPEN, "CUSTOMER_IDENTITY: relationship open", null, null,
                    label(RecordClass.CUSTOMER_IDENTITY), legalHold);
        }
        RecordClock deciding = null;
        LocalDate eligibleFrom = null;
        for (RecordClock clock : clocks) {
            if (!clock.started()) {
                return new RetentionAssessment(RetentionStatus.OPEN, clock.recordClass() + ": records still in use",
                        null, null, label(clock.recordClass()), legalHold);
            }
            LocalDate from = ConservativeYearRule.eligibleFrom(clock.startsFrom(), periodFor(clock.recordClass()).years());
            if (eligibleFrom == null || from.isAfter(eligibleFrom)
                    || (from.isEqual(eligibleFrom) && clock.recordClass() == RecordClass.CUSTOMER_IDENTITY)) {
                eligibleFrom = from;
                deciding = clock;
            }
        }
        RetentionPeriod period = periodFor(deciding.recordClass());
        String basis = deciding.recordClass() + ": " + (deciding.recordClass() == RecordClass.CUSTOMER_IDENTITY
                ? "relationship ended " : "latest record dated ") + deciding.startsFrom() + ", " + period.years()
                + " years (" + period.rule() + ")";
        RetentionStatus status = asOf.isBefore(eligibleFrom) ? RetentionStatus.RETAINED
                : legalHold ? RetentionStatus.HELD : RetentionStatus.DUE;
        return new RetentionAssessment(status, basis, deciding.startsFrom(), eligibleFrom, label(deciding.recordClass()),
                legalHold);
    }
}
