package com.kyckeeper.audit.web;

import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.AccessQuery;
import com.kyckeeper.audit.AccessRecord;
import com.kyckeeper.audit.AuditIntegrity;
import com.kyckeeper.audit.IntegrityReport;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Audit part of api.md. Thin: parameters in, module API, JSON or CSV out. Roles are checked by the API. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AccessLog log;
    private final AuditIntegrity integrity;
    private final BusinessClock clock;

    AuditController(AccessLog log, AuditIntegrity integrity, BusinessClock clock) {
        this.log = log;
        this.integrity = integrity;
        this.clock = clock;
    }

    /** Newest first; {@code format=csv} downloads every match (up to the export limit) instead of a page. */
    @GetMapping("/access-events")
    ResponseEntity<List<AccessRecord>> events(@RequestParam(required = false) String customerId,
                                              @RequestParam(required = false) String actor,
                                              @RequestParam(required = false) String action,
                                              @RequestParam(required = false) Outcome outcome,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "" + AccessQuery.DEFAULT_SIZE) int size,
                                              @RequestParam(required = false) String format,
                                              HttpServletResponse response) throws IOException {
        AccessQuery q = new AccessQuery(customerId, actor, action, outcome, instant("from", from, false),
                instant("to", to, true), page, size);
        if (format != null && !format.equals("json")) {
            if (!format.equals("csv")) {
                throw new InvalidInputException("format", "must be json or csv");
            }
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"access-events.csv\"");
            response.setHeader("Cache-Control", "no-store");
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            log.exportCsv(q, out);
            out.flush();
            return null;
        }
        AccessLog.AccessPage p = log.query(q);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(p.total())).body(p.events());
    }

    @GetMapping("/integrity")
    Map<String, Object> integrity() {
        IntegrityReport r = integrity.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", r.status().name());
        body.put("verifiedThrough", r.verifiedThrough());
        body.put("firstBrokenSeq", r.firstBrokenSeq());
        body.put("entries", r.entries());
        body.put("reason", r.reason());
        return body;
    }

    /** The whole sealed log with its checkpoints, for {@code com.kyckeeper.audit.OfflineVerifier}. */
    @GetMapping("/log-export")
    void logExport(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        integrity.exportLog(out);
        out.flush();
    }

    @GetMapping(path = "/public-key", produces = "text/plain")
    String publicKey() {
        return integrity.publicKey() + "\n";
    }

    @GetMapping("/retention")
    Map<String, Object> retention() {
        var r = integrity.retention();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retentionYears", r.retentionYears());
        body.put("keepFrom", OffsetDateTime.ofInstant(r.keepFrom(), clock.zone()));
        body.put("eventsPastRetention", r.eventsPastRetention());
        return body;
    }

    /**
     * An ISO instant with offset, or a business date (from: its start; to: the end of that day), in the
     * years 1900–9999 (as query dates elsewhere: {@code +999999999-12-31} has no next day).
     */
    private Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime at;
            try {
                at = OffsetDateTime.parse(value);
            } catch (DateTimeParseException notInstant) {
                LocalDate d = LocalDate.parse(value);
                at = (endOfDay ? d.plusDays(1) : d).atStartOfDay(clock.zone()).toOffsetDateTime();
            }
            if (at.getYear() < 1900 || at.getYear() > 10000) {
                throw new DateTimeException("year out of range");
            }
            return at.toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "must be a date (2026-11-20) or an instant with offset");
        }
    }
}
