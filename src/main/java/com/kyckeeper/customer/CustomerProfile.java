package com.kyckeeper.customer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The regulated identity information of a customer (domain.md §1). The same shape is the JSON
 * body of registration; {@link #validated} is the only way a profile reaches the registry.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = IndividualProfile.class, name = "INDIVIDUAL"),
        @JsonSubTypes.Type(value = CorporateProfile.class, name = "CORPORATE")})
public sealed interface CustomerProfile permits IndividualProfile, CorporateProfile {

    CustomerType customerType();

    String name();

    /** The customer's own primary document (individuals) — the one that must be unique. */
    Optional<IdentityDocument> primaryDocument();

    /** Every expiry date held (own document, licence, related parties' documents). */
    List<LocalDate> expiryDates();

    String customerCategory();

    /** Validated, normalised copy; throws InvalidInputException naming every bad field. */
    CustomerProfile validated(LocalDate today, ProfileLimits limits);

    default Optional<LocalDate> nextExpiry() {
        return expiryDates().stream().min(LocalDate::compareTo);
    }

    record ProfileLimits(int maxAuthorizedAgents, int maxBeneficialOwners) {
    }
}
