package com.kyckeeper.transaction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation of a stored cash transaction (api.md). {@code flags} lists RATE_MISSING while the
 * day's FX rate is unknown; {@code created} tells a new transaction from a repeated reference.
 */
@JsonPropertyOrder({"id", "reference", "largeValue", "dueDiligence", "caseId", "reportDueBy", "status", "flags"})
public record RecordedTransaction(String id, String reference, boolean largeValue, DueDiligenceStatus dueDiligence,
                                  String caseId, LocalDate reportDueBy, TransactionStatus status, List<String> flags,
                                  String customerId, Direction direction, BigDecimal amount, String currency,
                                  LocalDate businessDay, String currencyClass, BigDecimal measuredAmount,
                                  String measureCurrency, boolean exempt, @JsonIgnore boolean created) {

    RecordedTransaction asRepeat() {
        return new RecordedTransaction(id, reference, largeValue, dueDiligence, caseId, reportDueBy, status, flags,
                customerId, direction, amount, currency, businessDay, currencyClass, measuredAmount, measureCurrency,
                exempt, false);
    }
}
