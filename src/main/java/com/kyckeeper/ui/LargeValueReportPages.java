package com.kyckeeper.ui;

import com.kyckeeper.reporting.LargeValueReport;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import com.kyckeeper.ui.form.Forms;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The large-value report for compliance: date pickers, the rows (only after "show", because building
 * them reveals each customer's identity, which the reporting module records), and CSV / XLSX / PDF
 * downloads through {@link LargeValueReport#export} (audited there as REPORT_EXPORT).
 */
@Controller
class LargeValueReportPages {

    static final int MAX_DAYS = 366;
    private final LargeValueReport report;
    private final BusinessClock clock;

    LargeValueReportPages(LargeValueReport report, BusinessClock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GetMapping("/reports/large-value")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Model model, HttpServletResponse response) {
        Permissions.requireAny(Roles.COMPLIANCE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        LocalDate today = clock.today();
        boolean asked = from != null || to != null;
        model.addAttribute("from", from != null ? from : today.withDayOfMonth(1).toString());
        model.addAttribute("to", to != null ? to : today.toString());
        if (asked) {
            try {
                LocalDate[] range = range(from, to);
                model.addAttribute("rows", report.rows(range[0], range[1]));
                model.addAttribute("shown", true);
            } catch (InvalidInputException e) {
                model.addAttribute("rangeError", e.violations().getFirst().field());
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        return "reports/large-value";
    }

    @GetMapping("/reports/large-value/download")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(defaultValue = "pdf") String format) {
        Permissions.requireAny(Roles.COMPLIANCE);
        LargeValueReport.Format f;
        try {
            f = LargeValueReport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "must be csv, xlsx or pdf");
        }
        if (f == LargeValueReport.Format.JSON) {
            throw new InvalidInputException("format", "must be csv, xlsx or pdf");
        }
        LocalDate[] range = range(from, to);
        LargeValueReport.Download d = report.export(range[0], range[1], f);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(d.contentType()))
                .body(d.content());
    }

    private static LocalDate[] range(String from, String to) {
        LocalDate f = Forms.date("from", from);
        LocalDate t = Forms.date("to", to);
        if (t.isBefore(f)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (f.plusDays(MAX_DAYS).isBefore(t)) {
            throw new InvalidInputException("to", "at most a year");
        }
        return new LocalDate[] {f, t};
    }
}
