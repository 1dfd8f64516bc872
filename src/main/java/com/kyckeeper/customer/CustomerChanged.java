package com.kyckeeper.customer;

/** Published when a customer's details change (a new version is kept). */
public record CustomerChanged(CustomerId customerId, long version) {
}
