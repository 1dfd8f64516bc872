package com.kyckeeper.transaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A due-diligence case of the compliance queue. Ids and facts only, no personal data. */
public record DueDiligenceCase(String id, CaseStatus status, String transactionId, String reference, String customerId,
                               Direction direction, BigDecimal amount, String currency, LocalDate businessDay,
                               LocalDate reportDueBy, List<String> reasons, OffsetDateTime openedAt,
                               OffsetDateTime resolvedAt, String resolvedBy, CaseDecision decision,
                               List<String> actions) {
}
