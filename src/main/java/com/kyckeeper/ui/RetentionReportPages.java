package com.kyckeeper.ui;

import com.kyckeeper.reporting.RetentionReportExport;
import com.kyckeeper.retention.RetentionReport;
import com.kyckeeper.retention.RetentionReportRow;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import com.kyckeeper.ui.form.Forms;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The retention report on a chosen date: the first rows on the page, and the whole report as CSV,
 * XLSX or PDF streamed through the reporting module (audited there as REPORT_EXPORT).
 */
@Controller
class RetentionReportPages {

    static final int SHOWN = 200;
    private final RetentionReport report;
    private final RetentionReportExport export;
    private final BusinessClock clock;

    RetentionReportPages(RetentionReport report, RetentionReportExport export, BusinessClock clock) {
        this.report = report;
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/compliance/retention-report")
    String page(@RequestParam(required = false) String asOf, Model model) {
        Permissions.requireAny(Roles.COMPLIANCE);
        LocalDate day = asOf == null || asOf.isBlank() ? clock.today() : Forms.date("asOf", asOf);
        List<RetentionReportRow> rows = new ArrayList<>();
        long total = report.write(day, r -> {
            if (rows.size() < SHOWN) {
                rows.add(r);
            }
        });
        model.addAttribute("asOf", day);
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("shown", SHOWN);
        return "compliance/retention-report";
    }

    @GetMapping("/compliance/retention-report/download")
    void download(@RequestParam String asOf, @RequestParam String format, HttpServletResponse response)
            throws IOException {
        Permissions.requireAny(Roles.COMPLIANCE);
        LocalDate day = Forms.date("asOf", asOf);
        RetentionReportExport.Format f;
        try {
            f = RetentionReportExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "must be csv, xlsx or pdf");
        }
        response.setContentType(f.contentType());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(f.fileName(day)).build().toString());
        export.export(day, f, response.getOutputStream());
    }
}
