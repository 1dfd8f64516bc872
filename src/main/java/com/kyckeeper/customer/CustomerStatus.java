package com.kyckeeper.customer;

/** Life cycle of a customer record. SUSPENDED is derived from expired documents (see policy). */
public enum CustomerStatus {
    PENDING_VERIFICATION, VERIFIED, REJECTED, SUSPENDED, CLOSED
}
