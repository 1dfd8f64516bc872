package com.kyckeeper.reporting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the large-value transaction report (大额交易报告): one reportable event — a single
 * transaction or a day's aggregate — with the customer's full identity as the regulator needs it.
 * {@code amount} is in {@code currency} when the event has one currency ("MIXED" otherwise);
 * {@code measuredTotal} is in the threshold's measure currency.
 */
@JsonPropertyOrder({"eventId", "eventType", "businessDay", "reportDueBy", "direction", "currencyClass", "currency",
        "amount", "measureCurrency", "measuredTotal", "transactionCount", "references"})
public record LargeValueRow(String eventId, String eventType, LocalDate businessDay, LocalDate reportDueBy,
                            String direction, String currencyClass, String currency, BigDecimal amount,
                            String measureCurrency, BigDecimal measuredTotal, int transactionCount,
                            List<String> references, List<String> branches, Identity customer) {

    /** The customer's identity (客户身份信息) as recorded; related party for corporates. */
    public record Identity(String customerId, String type, String status, String name, String gender,
                           String nationality, String occupation, String address, String phone,
                           String idDocumentType, String idDocumentNumber, LocalDate idDocumentExpiresOn,
                           String unifiedSocialCreditCode, String licenceNumber, LocalDate licenceExpiresOn,
                           String legalRepresentativeName, String legalRepresentativeIdType,
                           String legalRepresentativeIdNumber) {
    }
}
