package com.kyckeeper.transaction.web;

import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.transaction.BatchOutcome;
import com.kyckeeper.transaction.CaseDecision;
import com.kyckeeper.transaction.CasePage;
import com.kyckeeper.transaction.CaseQuery;
import com.kyckeeper.transaction.CaseResolution;
import com.kyckeeper.transaction.CaseStatus;
import com.kyckeeper.transaction.CashTransactionRequest;
import com.kyckeeper.transaction.CashTransactions;
import com.kyckeeper.transaction.DueDiligence;
import com.kyckeeper.transaction.DueDiligenceCase;
import com.kyckeeper.transaction.FxRatesUpdated;
import com.kyckeeper.transaction.RecordedTransaction;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cash transactions, FX rates and due-diligence cases (api.md). Bodies are read as JSON trees and
 * each item converted on its own, so a wrongly typed field refuses that item only.
 */
@RestController
class CashTransactionController {

    private static final Set<String> FIELDS = Set.of("reference", "customerId", "direction", "amount", "currency",
            "occurredAt", "branch", "sourceOfFunds", "purpose");

    private final CashTransactions transactions;
    private final DueDiligence dueDiligence;
    CashTransactionController(CashTransactions transactions, DueDiligence dueDiligence) {
        this.transactions = transactions;
        this.dueDiligence = dueDiligence;
    }

    @PostMapping("/api/v1/cash-transactions")
    ResponseEntity<RecordedTransaction> record(@RequestBody JsonNode body) {
        if (!(body instanceof ObjectNode)) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        RecordedTransaction r = transactions.record(request(body));
        if (!r.created()) {
            return ResponseEntity.ok(r);
        }
        return ResponseEntity.created(URI.create("/api/v1/cash-transactions/" + r.id())).body(r);
    }

    @PostMapping("/api/v1/cash-transactions/batch")
    Map<String, Object> batch(@RequestBody JsonNode body) {
        JsonNode items = body == null ? null : body.get("transactions");
        if (!(items instanceof ArrayNode array)) {
            throw new InvalidInputException("transactions", "is required: an array of transactions");
        }
        List<CashTransactionRequest> requests = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            requests.add(item instanceof ObjectNode ? request(item) : null);
        }
        List<BatchOutcome> outcomes = transactions.recordBatch(requests);
        List<ItemResult> results = new ArrayList<>(outcomes.size());
        int stored = 0;
        int repeated = 0;
        int refused = 0;
        for (BatchOutcome o : outcomes) {
            if (o.result() != null) {
                if (o.status() == 201) {
                    stored++;
                } else {
                    repeated++;
                }
                results.add(new ItemResult(o.index(), o.status() == 201 ? "CREATED" : "EXISTING", o.status(), o.result(),
                        null, null));
            } else {
                JsonNode ref = array.get(o.index()) == null ? null : array.get(o.index()).get("reference");
                String reference = ref != null && ref.isString() && ref.asString().length() <= 64 ? ref.asString() : null;
                results.add(new ItemResult(o.index(), "REJECTED", o.status(), null, reference, o.errors()));
                refused++;
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("stored", stored);
        answer.put("repeated", repeated);
        answer.put("refused", refused);
        answer.put("results", results);
        return answer;
    }

    /**
     * One item of a batch answer: index, outcome and status, then the stored result's fields or the
     * item's reference (when usable) and errors. Serialised directly (no intermediate JSON tree).
     */
    @JsonPropertyOrder({"index", "outcome", "httpStatus"})
    record ItemResult(int index, String outcome, int httpStatus, @JsonUnwrapped RecordedTransaction result,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String reference,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldViolation> errors) {
    }

    @GetMapping("/api/v1/cash-transactions/{id}")
    RecordedTransaction find(@PathVariable String id) {
        return transactions.find(id);
    }

    record ExemptionRequest(String reason) {
    }

    @PostMapping("/api/v1/cash-transactions/{id}/exemption")
    RecordedTransaction exempt(@PathVariable String id, @RequestBody ExemptionRequest request) {
        return transactions.exempt(id, request == null ? null : request.reason());
    }

    /** An FX-rate update's answer: 200 when it took effect, 202 while a change waits for a second user. */
    record RatesAnswer(String id, String status, List<LocalDate> dates, int rates, int reevaluated,
                       List<com.kyckeeper.transaction.FxRateChange> changes) {
        static ResponseEntity<RatesAnswer> of(FxRatesUpdated u) {
            RatesAnswer a = new RatesAnswer(u.id(), u.status(), u.dates(), u.rates(), u.reevaluated(), u.changes());
            return ResponseEntity.status("PENDING_APPROVAL".equals(u.status()) ? 202 : 200).body(a);
        }
    }

    private static LocalDate day(String date) {
        try {
            LocalDate d = LocalDate.parse(date);
            if (d.getYear() < 1900 || d.getYear() > 9999) {
                throw new DateTimeParseException("year out of range", date, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "must be an ISO date such as 2026-11-20");
        }
    }

    @GetMapping("/api/v1/fx-rates/{date}")
    com.kyckeeper.transaction.FxRateHistory rates(@PathVariable String date) {
        return transactions.rateHistory(day(date));
    }

    record RateDecision(String decision) {
    }

    @PostMapping("/api/v1/fx-rates/{date}/changes/{id}/decision")
    ResponseEntity<RatesAnswer> decide(@PathVariable String date, @PathVariable String id,
                                       @RequestBody(required = false) RateDecision body) {
        return RatesAnswer.of(transactions.decideRateChange(day(date), id, body == null ? null : body.decision()));
    }

    @PutMapping("/api/v1/fx-rates/{date}")
    ResponseEntity<RatesAnswer> putRates(@PathVariable String date, @RequestBody JsonNode body) {
        LocalDate day = day(date);
        if (!(body instanceof ObjectNode)) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        List<FieldViolation> v = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!name.equals("base") && !name.equals("rates")) {
                v.add(new FieldViolation(name, "is not a known field"));
            }
        }
        JsonNode base = body.get("base");
        JsonNode rates = body.get("rates");
        if (base != null && !base.isNull() && !base.isString()) {
            v.add(new FieldViolation("base", "must be a string"));
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        if (rates instanceof ObjectNode r) {
            for (Map.Entry<String, JsonNode> e : r.properties()) {
                JsonNode value = e.getValue();
                if (value.isString()) {
                    parsed.put(e.getKey(), value.asString());
                } else if (value.isNumber() && !value.isFloatingPointNumber() || value.isBigDecimal()) {
                    parsed.put(e.getKey(), value.decimalValue().toPlainString());
                } else {
                    v.add(new FieldViolation("rates." + e.getKey(), "must be a decimal string such as \"7.1000\""));
                }
            }
        } else if (rates != null && !rates.isNull()) {
            v.add(new FieldViolation("rates", "must be an object of currency code to CNY per unit"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return RatesAnswer.of(transactions.putRates(day, base == null || base.isNull() ? "CNY" : base.asString(), parsed));
    }

    /** Read from the request stream record by record (UTF-8; a malformed byte is a 400), never buffered whole. */
    @PostMapping(path = "/api/v1/fx-rates/import", consumes = {"text/csv", "text/plain"})
    ResponseEntity<RatesAnswer> importRates(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        java.io.Reader in = new java.io.InputStreamReader(request.getInputStream(), java.nio.charset.StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
        return RatesAnswer.of(transactions.importRates(in));
    }

    /**
     * The queue, one page: the body stays the JSON array of cases (api.md); {@code page} (from 0) and
     * {@code size} (1..1000, default 1000) choose the page, {@code customerId} narrows it. Headers carry the
     * total ({@code X-Total-Count}) and RFC 8288 {@code Link}s to the first, previous, next and last page.
     */
    @GetMapping("/api/v1/due-diligence/cases")
    ResponseEntity<List<DueDiligenceCase>> cases(@RequestParam(defaultValue = "OPEN") CaseStatus status,
                                                 @RequestParam(required = false) String customerId,
                                                 @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "" + CaseQuery.DEFAULT_SIZE) int size) {
        CaseQuery q = new CaseQuery(status, customerId, page, size);
        CasePage p = dueDiligence.cases(q);
        List<String> links = new ArrayList<>();
        links.add(link(q, 0, "first"));
        if (p.hasPrevious()) {
            links.add(link(q, Math.min(p.page(), p.pages()) - 1, "prev"));
        }
        if (p.hasNext()) {
            links.add(link(q, p.page() + 1, "next"));
        }
        links.add(link(q, p.pages() - 1, "last"));
        return ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(p.total()))
                .header("Link", String.join(", ", links))
                .body(p.cases());
    }

    private static String link(CaseQuery q, int page, String rel) {
        return "</api/v1/due-diligence/cases?status=" + q.status()
                + (q.customerId() == null ? "" : "&customerId=" + q.customerId())
                + "&page=" + page + "&size=" + q.size() + ">; rel=\"" + rel + "\"";
    }

    /**
     * What was done: decision (CLEARED, ESCALATED, REFUSED; APPROVE/SATISFIED and REJECT are read as
     * CLEARED and REFUSED), actions, funds source ({@code sourceOfFunds} or {@code fundsSource}),
     * purpose, whether identity was re-verified, and a note ({@code note} or {@code comment}).
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ResolutionRequest(String decision, List<String> actions, String sourceOfFunds, String fundsSource,
                             String purpose, Boolean reverified, String note, String comment) {
    }

    @PostMapping("/api/v1/due-diligence/cases/{id}/resolution")
    DueDiligenceCase resolve(@PathVariable String id, @RequestBody ResolutionRequest r) {
        if (r == null) {
            throw new InvalidInputException("decision", "is required");
        }
        CaseDecision decision = null;
        if (r.decision() != null) {
            decision = switch (r.decision().strip().toUpperCase(java.util.Locale.ROOT)) {
                case "CLEARED", "CLEAR", "SATISFIED", "APPROVE", "APPROVED", "RESOLVED" -> CaseDecision.CLEARED;
                case "ESCALATED", "ESCALATE", "SUSPICIOUS", "REPORTED" -> CaseDecision.ESCALATED;
                case "REFUSED", "REFUSE", "REJECT", "REJECTED", "DECLINED" -> CaseDecision.REFUSED;
                default -> throw new InvalidInputException("decision", "must be CLEARED, ESCALATED or REFUSED");
            };
        }
        List<String> actions = new ArrayList<>(r.actions() == null ? List.of() : r.actions());
        if (Boolean.TRUE.equals(r.reverified()) && !actions.contains("IDENTITY_REVERIFIED")) {
            actions.add("IDENTITY_REVERIFIED");
        }
        String source = r.sourceOfFunds() != null ? r.sourceOfFunds() : r.fundsSource();
        if (source != null && !source.isBlank() && !actions.contains("FUNDS_SOURCE_OBTAINED")) {
            actions.add("FUNDS_SOURCE_OBTAINED");
        }
        String note = r.note() != null ? r.note() : r.comment();
        return dueDiligence.resolve(id, new CaseResolution(decision, actions, source, r.purpose(), note));
    }

    /** Converts one item: text fields must be JSON strings; anything else is that field's error. */
    private static CashTransactionRequest request(JsonNode node) {
        List<FieldViolation> errors = new ArrayList<>();
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldViolation(name, "is not a known field"));
            }
        }
        return new CashTransactionRequest(text(node, "reference", errors), text(node, "customerId", errors),
                text(node, "direction", errors), text(node, "amount", errors), text(node, "currency", errors),
                text(node, "occurredAt", errors), text(node, "branch", errors), text(node, "sourceOfFunds", errors),
                text(node, "purpose", errors), errors);
    }

    private static String text(JsonNode node, String field, List<FieldViolation> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.asString();
        }
        errors.add(new FieldViolation(field, field.equals("amount")
                ? "must be a decimal string such as \"50000.00\", never a number" : "must be a string"));
        return null;
    }
}
