package com.kyckeeper.audit.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** policies/audit.yml {@code kyc.audit.refusals}: how many days the per-minute counts of anonymous refusals are kept. */
@Validated
@ConfigurationProperties("kyc.audit.refusals")
record RefusalProperties(@Min(1) @Max(366) int keepDays) {
}
