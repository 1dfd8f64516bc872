package com.kyckeeper.reporting;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.customer.CorporateProfile;
import com.kyckeeper.customer.CustomerDetails;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.customer.IndividualProfile;
import com.kyckeeper.customer.RelatedParty;
import com.kyckeeper.shared.GoneException;
import com.kyckeeper.transaction.CashTransactions;
import com.kyckeeper.transaction.ReportableEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the report from the transaction module's reportable events and the registry's revealed
 * identities (each reveal recorded with the purpose "large-value report"), then records the export.
 */
@Service
class LargeValueReportService implements LargeValueReport {

    static final String PURPOSE = "large-value report";

    private final CashTransactions transactions;
    private final CustomerRegistry customers;
    private final AccessLog accessLog;
    private final ReportFiles files;

    LargeValueReportService(CashTransactions transactions, CustomerRegistry customers, AccessLog accessLog, ReportFiles files) {
        this.transactions = transactions;
        this.customers = customers;
        this.accessLog = accessLog;
        this.files = files;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public List<LargeValueRow> rows(LocalDate from, LocalDate to) {
        List<LargeValueRow> rows = build(from, to);
        accessLog.append(new AccessEvent("REPORT_LARGE_VALUE", null, null, Outcome.SUCCESS,
                "JSON " + from + ".." + to + ", rows: " + rows.size()));
        return rows;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Download export(LocalDate from, LocalDate to, Format format) {
        List<LargeValueRow> rows = build(from, to);
        String name = "large-value-" + from + "-" + to;
        Download d = switch (format) {
            case CSV -> new Download(name + ".csv", "text/csv;charset=UTF-8",
                    ReportFiles.bytes(out -> files.csv(LargeValueColumns.COLUMNS, rows::forEach, out)));
            case XLSX -> new Download(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ReportFiles.bytes(out -> files.xlsx("大额交易报告", LargeValueColumns.COLUMNS, rows::forEach, out)));
            case PDF -> new Download(name + ".pdf", "application/pdf", ReportFiles.bytes(out -> files.pdf(
                    "大额交易报告 Large-value transaction report  " + from + " – " + to + "  (" + rows.size() + ")",
                    LargeValueColumns.PDF_COLUMNS, rows::forEach, out)));
            case JSON -> throw new IllegalArgumentException("JSON is answered as rows");
        };
        accessLog.append(new AccessEvent("REPORT_EXPORT", null, null, Outcome.SUCCESS,
                "large-value " + format + " " + from + ".." + to + ", rows: " + rows.size()));
        return d;
    }

    private List<LargeValueRow> build(LocalDate from, LocalDate to) {
        List<ReportableEvent> events = transactions.reportableEvents(from, to);
        Map<String, LargeValueRow.Identity> identities = new HashMap<>();
        return events.stream().map(e -> row(e, identities.computeIfAbsent(e.customerId(), this::identity))).toList();
    }

    private LargeValueRow row(ReportableEvent e, LargeValueRow.Identity who) {
        List<String> currencies = e.transactions().stream().map(ReportableEvent.Line::currency).distinct().toList();
        String currency = currencies.size() == 1 ? currencies.getFirst() : "MIXED";
        BigDecimal amount = currencies.size() == 1
                ? e.transactions().stream().map(ReportableEvent.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
        return new LargeValueRow(e.eventId(), e.kind().name(), e.businessDay(), e.reportDueBy(), e.direction().name(),
                e.currencyClass(), currency, amount, e.measureCurrency(), e.measuredTotal(), e.transactions().size(),
                e.transactions().stream().map(ReportableEvent.Line::reference).toList(),
                e.transactions().stream().map(ReportableEvent.Line::branch).filter(b -> b != null).distinct().toList(), who);
    }

    private LargeValueRow.Identity identity(String customerId) {
        CustomerDetails d;
        try {
            d = customers.reveal(new CustomerId(UUID.fromString(customerId)), PURPOSE);
        } catch (GoneException purged) {
            return new LargeValueRow.Identity(customerId, null, "PURGED", null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
        }
        return switch (d.profile()) {
            case IndividualProfile p -> new LargeValueRow.Identity(customerId, "INDIVIDUAL", d.status().name(), p.name(),
                    p.gender() == null ? null : p.gender().name(), p.nationality(), p.occupation(), p.address(), p.phone(),
                    p.idDocument() == null ? null : p.idDocument().type().name(),
                    p.idDocument() == null ? null : p.idDocument().number(),
                    p.idDocument() == null ? null : p.idDocument().expiresOn(), null, null, null, null, null, null);
            case CorporateProfile c -> {
                RelatedParty rep = c.legalRepresentative();
                yield new LargeValueRow.Identity(customerId, "CORPORATE", d.status().name(), c.name(), null, null, null,
                        c.registeredAddress(), null, null, null, null, c.unifiedSocialCreditCode(),
                        c.licence() == null ? null : c.licence().number(), c.licence() == null ? null : c.licence().expiresOn(),
                        rep == null ? null : rep.name(),
                        rep == null || rep.idDocument() == null ? null : rep.idDocument().type().name(),
                        rep == null || rep.idDocument() == null ? null : rep.idDocument().number());
            }
        };
    }
}
