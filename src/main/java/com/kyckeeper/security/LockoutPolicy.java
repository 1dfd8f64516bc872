package com.kyckeeper.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** policies/login.yml: how many failed sign-ins within which window lock a user name, and for how long. */
@Validated
@ConfigurationProperties("kyc.login.lockout")
record LockoutPolicy(@Min(1) @Max(100) int maxFailures, @NotNull Duration window, @NotNull Duration lockDuration) {
}
