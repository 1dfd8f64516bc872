package com.kyckeeper.customer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Archive lending rules from policies/archive-access.yml. */
@Validated
@ConfigurationProperties("kyc.archive-access")
record ArchiveAccessPolicy(@NotNull Duration grantValidity) {

    @AssertTrue(message = "grant-validity must be between one minute and 30 days")
    boolean isGrantValiditySensible() {
        return grantValidity == null
                || (grantValidity.compareTo(Duration.ofMinutes(1)) >= 0 && grantValidity.compareTo(Duration.ofDays(30)) <= 0);
    }
}
