package com.kyckeeper.transaction;

import com.kyckeeper.shared.FieldViolation;
import java.util.List;

/**
 * One cash transaction as sent by a source system (api.md), still unvalidated: values are the
 * strings received. {@code bindingErrors} carries fields whose JSON type was already wrong, so
 * that one bad item of a batch is refused on its own.
 */
public record CashTransactionRequest(String reference, String customerId, String direction, String amount,
                                     String currency, String occurredAt, String branch, String sourceOfFunds,
                                     String purpose, List<FieldViolation> bindingErrors) {

    public CashTransactionRequest {
        bindingErrors = bindingErrors == null ? List.of() : List.copyOf(bindingErrors);
    }

    public CashTransactionRequest(String reference, String customerId, String direction, String amount,
                                  String currency, String occurredAt, String branch, String sourceOfFunds,
                                  String purpose) {
        this(reference, customerId, direction, amount, currency, occurredAt, branch, sourceOfFunds, purpose, List.of());
    }
}
