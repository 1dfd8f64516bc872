package com.kyckeeper.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Customer rules from policies/customer.yml. */
@Validated
@ConfigurationProperties("kyc.customer")
record CustomerPolicy(@NotNull Reverification reverification, @NotNull Limits limits) {

    record Reverification(@Min(0) @Max(365) int gracePeriodDays, @Min(0) @Max(3650) int defaultWindowDays) {
    }

    record Limits(@Min(1) @Max(500) int maxAuthorizedAgents, @Min(1) @Max(500) int maxBeneficialOwners) {
    }

    CustomerProfile.ProfileLimits profileLimits() {
        return new CustomerProfile.ProfileLimits(limits.maxAuthorizedAgents(), limits.maxBeneficialOwners());
    }
}
