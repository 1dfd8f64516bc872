package com.kyckeeper.audit;

/**
 * What happened, to which customer (id only), why and how it ended. The access log adds actor,
 * role, time, client address and request id itself. {@code detail} is a short, non-personal note
 * such as a result count.
 */
public record AccessEvent(String action, String customerId, String purpose, Outcome outcome, String detail) {

    public static AccessEvent success(String action, String customerId) {
        return new AccessEvent(action, customerId, null, Outcome.SUCCESS, null);
    }

    public AccessEvent withPurpose(String value) {
        return new AccessEvent(action, customerId, value, outcome, detail);
    }

    public AccessEvent withDetail(String value) {
        return new AccessEvent(action, customerId, purpose, outcome, value);
    }
}
