package com.kyckeeper.customer;

import java.time.LocalDate;

/** Published when the business relationship ends: the retention clock starts from {@code endedOn}. */
public record CustomerClosed(CustomerId customerId, LocalDate endedOn) {
}
