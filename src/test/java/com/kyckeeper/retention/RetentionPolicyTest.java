package com.kyckeeper.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static RetentionPolicy fiveYears() {
        return new RetentionPolicy("default", Map.of(
                RecordClass.CUSTOMER_IDENTITY, new RetentionPeriod(RecordClass.CUSTOMER_IDENTITY, 5, "PBOC"),
                RecordClass.TRANSACTION, new RetentionPeriod(RecordClass.TRANSACTION, 5, "PBOC-TX"),
                RecordClass.AUDIT_EVENT, new RetentionPeriod(RecordClass.AUDIT_EVENT, 10, "LOG")));
    }

    @Test
    void relationshipEndedMidYearIsEligibleOnFirstJanuaryAfterTheFifthYear() {
        assertThat(ConservativeYearRule.eligibleFrom(LocalDate.of(2020, 6, 15), 5)).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void relationshipEndedOnNewYearsEveIsEligibleTheNextDayFiveYearsOn() {
        assertThat(ConservativeYearRule.eligibleFrom(LocalDate.of(2020, 12, 31), 5)).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void relationshipEndedLateInTwentyTwentyOneWaitsUntilTwentyTwentySeven() {
        assertThat(ConservativeYearRule.eligibleFrom(LocalDate.of(2021, 11, 25), 5)).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aCustomerIsNeverDueOneDayEarly() {
        List<RecordClock> clocks = List.of(new RecordClock(RecordClass.CUSTOMER_IDENTITY, LocalDate.of(2020, 6, 15)));
        assertThat(fiveYears().assess(clocks, false, LocalDate.of(2025, 12, 31)).status())
                .isEqualTo(RetentionStatus.RETAINED);
        RetentionAssessment due = fiveYears().assess(clocks, false, LocalDate.of(2026, 1, 1));
        assertThat(due.status()).isEqualTo(RetentionStatus.DUE);
        assertThat(due.eligibleFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(due.policy()).isEqualTo("default/PBOC");
    }

    @Test
    void aLaterTransactionKeepsTheCustomerAndDecidesTheBasis() {
        List<RecordClock> clocks = List.of(new RecordClock(RecordClass.CUSTOMER_IDENTITY, LocalDate.of(2020, 6, 15)),
                new RecordClock(RecordClass.TRANSACTION, LocalDate.of(2021, 3, 1)));
        RetentionAssessment a = fiveYears().assess(clocks, false, LocalDate.of(2026, 6, 1));
        assertThat(a.status()).isEqualTo(RetentionStatus.RETAINED);
        assertThat(a.eligibleFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(a.basis()).startsWith("TRANSACTION");
    }

    @Test
    void aLegalHoldKeepsADueCustomerAndAnOpenRelationshipRunsNoClock() {
        List<RecordClock> closed = List.of(new RecordClock(RecordClass.CUSTOMER_IDENTITY, LocalDate.of(2010, 1, 1)));
        assertThat(fiveYears().assess(closed, true, LocalDate.of(2026, 1, 1)).status()).isEqualTo(RetentionStatus.HELD);
        assertThat(fiveYears().assess(List.of(RecordClock.notStarted(RecordClass.CUSTOMER_IDENTITY)), false,
                LocalDate.of(2099, 1, 1)).status()).isEqualTo(RetentionStatus.OPEN);
    }

    @Test
    void noPeriodBelowTheFiveYearFloorCanExist() {
        assertThatThrownBy(() -> new RetentionPeriod(RecordClass.TRANSACTION, 4, "TOO-SHORT"))
                .hasMessageContaining("TOO-SHORT").hasMessageContaining("floor of 5 years");
    }
}
