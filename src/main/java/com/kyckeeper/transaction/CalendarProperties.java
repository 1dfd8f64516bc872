package com.kyckeeper.transaction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** policies/working-calendar.yml: weekends, public holidays and make-up working days (调休). */
@Validated
@ConfigurationProperties("kyc.calendar")
record CalendarProperties(@NotBlank String name, @NotNull Set<DayOfWeek> weekend, Set<Integer> coveredYears,
                          List<@Valid Holiday> holidays, List<LocalDate> makeUpWorkingDays) {

    record Holiday(String name, @NotNull LocalDate from, @NotNull LocalDate to) {
    }
}
