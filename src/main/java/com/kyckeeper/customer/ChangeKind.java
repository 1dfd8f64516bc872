package com.kyckeeper.customer;

/** What a kept version records; stored by name in {@code customer_versions.change_kind}. */
enum ChangeKind {
    REGISTERED, DETAILS_CHANGED, IDENTITY_CHANGED, VERIFIED, REJECTED, CLOSED
}
