package com.kyckeeper.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** reportDueBy = 5 working days after the transaction day, on the official 2026 calendar (调休 included). */
class WorkingCalendarTest {

    @ParameterizedTest(name = "{0} → due {1}")
    @CsvSource({
            // ordinary weeks: the day itself is not counted
            "2026-11-20, 2026-11-27",
            "2026-11-23, 2026-11-30",
            "2026-11-21, 2026-11-27",
            // New Year: Jan 1–3 off, Sun Jan 4 a make-up working day
            "2025-12-31, 2026-01-08",
            "2026-01-01, 2026-01-08",
            // Spring Festival: Sat Feb 14 works, Feb 15–23 off, Sat Feb 28 works
            "2026-02-12, 2026-02-26",
            "2026-02-13, 2026-02-27",
            "2026-02-14, 2026-02-28",
            "2026-02-20, 2026-02-28",
            "2026-02-27, 2026-03-05",
            // Labour Day: May 1–5 off, Sat May 9 works
            "2026-04-30, 2026-05-11",
            // National Day: Sep 30 → Oct 8, 9, 10 (Sat, make-up), 12, 13
            "2026-09-30, 2026-10-13",
            "2026-10-01, 2026-10-13",
            "2026-10-09, 2026-10-15",
            "2026-10-10, 2026-10-16",
            // Mid-Autumn: Sep 25–27 off, Sun Sep 20 works
            "2026-09-18, 2026-09-24",
            "2026-09-19, 2026-09-24",
            "2026-09-20, 2026-09-28",
    })
    void reportIsDueFiveWorkingDaysAfterTheTransactionDay(LocalDate day, LocalDate due) throws IOException {
        assertThat(LargeCashPolicyTest.pboc().reportDueBy(day)).isEqualTo(due);
    }

    @Test
    void makeUpWeekendsWorkAndHolidaysDoNot() throws IOException {
        WorkingCalendar cal = calendar();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();   // Saturday, make-up
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();  // Sunday
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();   // Wednesday, holiday
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();     // Sunday, make-up
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();   // Monday, Spring Festival
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();    // Saturday, make-up
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 6, 19))).isFalse();   // Dragon Boat
        assertThat(cal.covers(2026)).isTrue();
    }

    private static WorkingCalendar calendar() throws IOException {
        var env = new org.springframework.core.env.StandardEnvironment();
        var yml = new org.springframework.core.io.FileSystemResource("policies/working-calendar.yml");
        new org.springframework.boot.env.YamlPropertySourceLoader().load("calendar", yml).forEach(env.getPropertySources()::addLast);
        return WorkingCalendar.of(org.springframework.boot.context.properties.bind.Binder.get(env)
                .bind("kyc.calendar", CalendarProperties.class).get());
    }
}
