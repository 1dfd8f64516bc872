package com.kyckeeper.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The customer identity registry. Every method checks the caller's role itself and appends its
 * access event in the same transaction.
 */
public interface CustomerRegistry {

    /** Registers a new customer as PENDING_VERIFICATION. 409 on a duplicate document or credit code. */
    MaskedCustomer register(CustomerProfile profile);

    MaskedCustomer find(CustomerId id);

    /** The full record; the purpose is recorded in the access log. */
    CustomerDetails reveal(CustomerId id, String purpose);

    /** Exact match on the encrypted document number: 0 or 1 result. */
    List<MaskedCustomer> findByDocument(DocumentType type, String number);

    /** Exact match on the encrypted credit code: 0 or 1 result. */
    List<MaskedCustomer> findByCreditCode(String creditCode);

    /** Applies a change to the current profile if {@code expectedVersion} is still current (else 412). */
    MaskedCustomer change(CustomerId id, long expectedVersion, UnaryOperator<CustomerProfile> change);

    /** Four eyes: a supervisor who neither registered nor last changed the record. */
    MaskedCustomer verify(CustomerId id, VerificationDecision decision, String note);

    List<ReverificationDue> reverificationDue(int withinDays);

    /** The four-eyes queue: customers PENDING_VERIFICATION, oldest first, at most {@code limit}. SUPERVISOR only. */
    List<MaskedCustomer> pendingVerification(int limit);

    /** Ends the business relationship; dates before today only for COMPLIANCE. */
    MaskedCustomer close(CustomerId id, LocalDate endedOn);

    List<CustomerVersion> history(CustomerId id);

    /** Most versions one history page holds (also the size of {@link #history(CustomerId)}). */
    int MAX_HISTORY_PAGE = 1000;

    /** One page of the kept versions, newest first ({@code page} from 0, {@code size} 1 to {@value #MAX_HISTORY_PAGE}). */
    HistoryPage history(CustomerId id, int page, int size);

    record HistoryPage(List<CustomerVersion> versions, long total) {
    }

    /** For other modules: state only, no personal data, no access event. */
    CustomerStanding standing(CustomerId id);

    /**
     * For other modules: the standings of many customers with one query per 500 ids (bulk intake).
     * Unknown (or purged) ids are absent from the answer; ask {@link #standing} for the reason.
     */
    java.util.Map<CustomerId, CustomerStanding> standings(java.util.Collection<CustomerId> ids);
}
