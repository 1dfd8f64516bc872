package com.kyckeeper.transaction;

import com.kyckeeper.customer.CustomerStanding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer due diligence for a large cash transaction: identity verified, documents valid on the
 * transaction day, and (when the policy requires it) source or purpose of funds recorded.
 */
record DueDiligenceRule(boolean sourceOrPurposeRequired) {

    enum Reason { IDENTITY_NOT_VERIFIED, DOCUMENT_NOT_VALID, SOURCE_OR_PURPOSE_MISSING }

    record Outcome(DueDiligenceStatus status, List<Reason> reasons) {
        String reasonText() {
            return String.join(",", reasons.stream().map(Enum::name).toList());
        }
    }

    Outcome evaluate(CustomerStanding standing, LocalDate businessDay, boolean sourceOrPurposeGiven) {
        List<Reason> reasons = new ArrayList<>();
        if (!standing.verified()) {
            reasons.add(Reason.IDENTITY_NOT_VERIFIED);
        }
        if (!standing.documentsValidOn(businessDay)) {
            reasons.add(Reason.DOCUMENT_NOT_VALID);
        }
        if (sourceOrPurposeRequired && !sourceOrPurposeGiven) {
            reasons.add(Reason.SOURCE_OR_PURPOSE_MISSING);
        }
        return new Outcome(reasons.isEmpty() ? DueDiligenceStatus.SATISFIED : DueDiligenceStatus.REQUIRED, List.copyOf(reasons));
    }
}
