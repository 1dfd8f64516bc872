package com.kyckeeper.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * policies/login.yml ({@code kyc.login.session-check}): how long one node may trust its cached copy of a user's
 * stored state (enabled, roles) before asking the database again. Zero means every request asks.
 */
@Validated
@ConfigurationProperties("kyc.login.session-check")
record SessionCheckPolicy(@NotNull Duration maxAge) {

    SessionCheckPolicy {
        if (maxAge != null && (maxAge.isNegative() || maxAge.compareTo(Duration.ofMinutes(1)) > 0)) {
            throw new IllegalArgumentException("kyc.login.session-check.max-age must be between 0 and 1 minute");
        }
    }
}
