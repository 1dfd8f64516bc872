package com.kyckeeper.customer;

import java.util.List;

/**
 * Archive lending (借阅): a closed customer is archived, and reading it needs an approved request,
 * except for COMPLIANCE. Another COMPLIANCE user decides; an approval is a grant for the requester
 * only, valid for the policy's window (policies/archive-access.yml). Every step is logged.
 */
public interface ArchiveAccess {

    /** A TELLER or SUPERVISOR asks to read an archived customer, saying why: PENDING. */
    ArchiveAccessRequest request(CustomerId customerId, String purpose);

    /** COMPLIANCE, never the requester, approves (a grant until now + window) or rejects a pending request. */
    ArchiveAccessRequest decide(String requestId, VerificationDecision decision);

    /** The requester or COMPLIANCE. */
    ArchiveAccessRequest get(String requestId);

    /** COMPLIANCE: requests in a status, oldest first (at most 500). */
    List<ArchiveAccessRequest> list(ArchiveAccessRequest.Status status);

    /** TELLER or SUPERVISOR: the caller's own requests, newest first (at most 100), with their status and expiry. */
    List<ArchiveAccessRequest> mine();
}
