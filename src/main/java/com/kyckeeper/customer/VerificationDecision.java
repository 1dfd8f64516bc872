package com.kyckeeper.customer;

public enum VerificationDecision {
    APPROVE, REJECT
}
