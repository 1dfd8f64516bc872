package com.kyckeeper.transaction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** policies/large-cash.yml, bound and validated at start-up; {@link LargeCashRules} is what the domain sees. */
@Validated
@ConfigurationProperties("kyc.large-cash")
record LargeCashProperties(@NotBlank String name, @NotBlank String zone, @NotEmpty List<@Valid ClassRule> classes,
                           boolean sourceOrPurposeRequired, @NotNull @Valid Deadline reportDeadline,
                           @NotNull Duration maxFutureSkew, @NotNull LocalDate earliestDate,
                           @Min(1) @Max(10000) int maxBatchSize,
                           Map<@Pattern(regexp = "[A-Z]{3}") String, @Min(0) @Max(4) Integer> currencyDecimals) {

    enum Comparison { AT_LEAST, MORE_THAN }

    enum Window { BUSINESS_DAY, SINGLE }

    enum Counting { WORKING_DAYS, CALENDAR_DAYS }

    record ClassRule(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,15}") String name,
                     @NotEmpty List<@Pattern(regexp = "[A-Z]{3}|\\*") String> currencies,
                     @NotBlank @Pattern(regexp = "[A-Z]{3}") String measureCurrency,
                     @NotNull BigDecimal threshold, @NotNull Comparison comparison,
                     Set<Direction> directions, Window window) {
    }

    record Deadline(@Min(0) @Max(366) int days, @NotNull Counting counting) {
    }
}
