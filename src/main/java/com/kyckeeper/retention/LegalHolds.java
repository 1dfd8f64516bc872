package com.kyckeeper.retention;

import com.kyckeeper.customer.CustomerId;
import java.util.List;

/** Legal holds, placed by compliance and released by a different compliance officer; both audited. */
public interface LegalHolds {

    LegalHold place(CustomerId customer, String reason, String caseReference);

    LegalHold release(String holdId);

    LegalHold get(String holdId);

    boolean held(CustomerId customer);

    /** COMPLIANCE or AUDITOR: the active holds and then the released ones, newest first (at most {@code limit}). */
    List<LegalHold> recent(int limit);
}
