package com.kyckeeper.customer;

import java.time.LocalDate;

/** A customer whose documents expire within the asked window, or have expired. */
public record ReverificationDue(MaskedCustomer customer, LocalDate documentExpiresOn, boolean expired,
                                LocalDate suspensionFrom) {
}
