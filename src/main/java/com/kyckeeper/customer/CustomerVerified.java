package com.kyckeeper.customer;

/** Published when a supervisor decides on a registration. */
public record CustomerVerified(CustomerId customerId, VerificationDecision decision) {
}
