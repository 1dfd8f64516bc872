package com.kyckeeper.ui;

import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.AccessQuery;
import com.kyckeeper.audit.AuditIntegrity;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's pages over {@link AccessLog} and {@link AuditIntegrity}: access-log search (filters,
 * newest first, paged), CSV export of the same query (audited by the log as AUDIT_EXPORT) and the
 * integrity check. Filters are ids, user names, action codes and dates, never personal data.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    private final AccessLog log;
    private final AuditIntegrity integrity;
    private final BusinessClock clock;
    private final ServerMessages messages;

    AuditPages(AccessLog log, AuditIntegrity integrity, BusinessClock clock, ServerMessages messages) {
        this.log = log;
        this.integrity = integrity;
        this.clock = clock;
        this.messages = messages;
    }

    /** The filters as typed (for the form, paging and export links). */
    record Filters(String customerId, String actor, String action, String outcome, String from, String to) {

        String query(int page) {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            add(b, "customerId", customerId);
            add(b, "actor", actor);
            add(b, "action", action);
            add(b, "outcome", outcome);
            add(b, "from", from);
            add(b, "to", to);
            if (page > 0) {
                b.queryParam("page", page);
            }
            return b.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder b, String name, String value) {
            if (value != null && !value.isBlank()) {
                b.queryParam(name, value.strip());
            }
        }
    }

    @GetMapping("/audit/access-log")
    String search(@RequestParam(required = false) String customerId, @RequestParam(required = false) String actor,
                  @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(defaultValue = "0") int page, Model model, Locale locale,
                  HttpServletResponse response) {
        Permissions.requireAny(Roles.AUDITOR);
        Filters filters = new Filters(customerId, actor, action, outcome, from, to);
        model.addAttribute("filters", filters);
        model.addAttribute("outcomes", Outcome.values());
        try {
            AccessLog.AccessPage p = log.query(query(filters, page, PAGE_SIZE));
            long pages = Math.max(1, (p.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            model.addAttribute("result", p);
            model.addAttribute("pages", pages);
            model.addAttribute("previous", page > 0 ? "/audit/access-log" + filters.query(page - 1) : null);
            model.addAttribute("next", page + 1 < pages ? "/audit/access-log" + filters.query(page + 1) : null);
            model.addAttribute("exportPath", "/audit/access-log/export" + filters.query(0));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation v : e.violations()) {
                errors.merge(v.field(), messages.translate(v.message(), locale), (a, b) -> a + "; " + b);
            }
            model.addAttribute("errors", errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "audit/access-log";
    }

    /** Every match of the current query (up to the export limit) as CSV. */
    @GetMapping("/audit/access-log/export")
    void export(@RequestParam(required = false) String customerId, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        Permissions.requireAny(Roles.AUDITOR);
        AccessQuery q = query(new Filters(customerId, actor, action, outcome, from, to), 0, AccessQuery.DEFAULT_SIZE);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"access-events.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        log.exportCsv(q, out);
        out.flush();
    }

    @GetMapping("/audit/integrity")
    String integrity(Model model) {
        Permissions.requireAny(Roles.AUDITOR);
        model.addAttribute("report", integrity.verify());
        model.addAttribute("checkedAt", clock.nowOffset());
        return "audit/integrity";
    }

    private AccessQuery query(Filters f, int page, int size) {
        List<FieldViolation> errors = new ArrayList<>();
        Outcome outcome = null;
        if (f.outcome() != null && !f.outcome().isBlank()) {
            try {
                outcome = Outcome.valueOf(f.outcome().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("outcome", "must be SUCCESS, REFUSED or FAILED"));
            }
        }
        Instant from = start("from", f.from(), false, errors);
        Instant to = start("to", f.to(), true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AccessQuery(f.customerId(), f.actor(), f.action(), outcome, from, to, page, size);
    }

    /** A business date: from its start (from), or to the end of that day (to, exclusive next midnight). */
    private Instant start(String field, String value, boolean endOfDay, List<FieldViolation> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            return (endOfDay ? d.plusDays(1) : d).atStartOfDay(clock.zone()).toInstant();
        } catch (java.time.DateTimeException e) {
            // also the last representable day, which has no next one
            errors.add(new FieldViolation(field, "must be a date (yyyy-mm-dd)"));
            return null;
        }
    }
}
