package com.kyckeeper.transaction;

/**
 * A source-system reference is idempotent only for the same transaction: another customer,
 * direction, amount, currency or business day under a known reference is a conflict, never an
 * answer with the stored transaction (which would show someone else's data).
 */
final class ReferenceReuse {

    static final String ACTION = "CASH_TX_REFERENCE_CONFLICT";
    static final String DETAIL = "reference posted again with a different transaction";

    private ReferenceReuse() {
    }

    static boolean samePayload(CashLedger.TxRow stored, ValidCashTransaction posted) {
        return stored.customerId().equals(posted.customerId().toString())
                && stored.direction() == posted.direction()
                && stored.amount().compareTo(posted.amount()) == 0
                && stored.currency().equals(posted.currency())
                && stored.businessDay().equals(posted.businessDay());
    }

    static boolean samePayload(ValidCashTransaction first, ValidCashTransaction posted) {
        return first.customerId().equals(posted.customerId())
                && first.direction() == posted.direction()
                && first.amount().compareTo(posted.amount()) == 0
                && first.currency().equals(posted.currency())
                && first.businessDay().equals(posted.businessDay());
    }
}
