package com.kyckeeper.customer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Per-user limits on exact-match lookups and the alert threshold, from policies/lookup.yml. */
@Validated
@ConfigurationProperties("kyc.lookup")
record LookupPolicy(@Min(1) @Max(100_000) int perMinute, @Min(1) @Max(10_000_000) int perDay,
                    @Min(1) @Max(10_000_000) int alertAfterLookupsWithoutReveal) {

    @AssertTrue(message = "per-day must be at least per-minute")
    boolean isDayAtLeastMinute() {
        return perDay >= perMinute;
    }
}
