package com.kyckeeper.customer;

/** Published when a customer is registered. Ids only. */
public record CustomerRegistered(CustomerId customerId, CustomerType type) {
}
