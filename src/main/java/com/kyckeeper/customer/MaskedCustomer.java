package com.kyckeeper.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The default view of a customer: personal values masked per policies/masking.yml. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaskedCustomer(String id, CustomerType type, CustomerStatus status, long version, String name,
                             MaskedDocument idDocument, String phone, String unifiedSocialCreditCode,
                             MaskedDocument licence, LocalDate nextDocumentExpiry,
                             OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                             OffsetDateTime verifiedAt, String verifiedBy, LocalDate closedOn) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MaskedDocument(String type, String number, LocalDate expiresOn, Boolean longTerm) {
    }
}
