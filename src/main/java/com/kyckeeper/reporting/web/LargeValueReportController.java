package com.kyckeeper.reporting.web;

import com.kyckeeper.reporting.LargeValueReport;
import com.kyckeeper.reporting.LargeValueRow;
import com.kyckeeper.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/reports/large-value (api.md, Reports): JSON, or a CSV/XLSX/PDF download. */
@RestController
class LargeValueReportController {

    private final LargeValueReport report;

    LargeValueReportController(LargeValueReport report) {
        this.report = report;
    }

    @GetMapping("/api/v1/reports/large-value")
    ResponseEntity<?> report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "json") String format) {
        LargeValueReport.Format f;
        try {
            f = LargeValueReport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "must be json, csv, xlsx or pdf");
        }
        if (f == LargeValueReport.Format.JSON) {
            List<LargeValueRow> rows = report.rows(from, to);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", from);
            body.put("to", to);
            body.put("count", rows.size());
            body.put("rows", rows);
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
        }
        LargeValueReport.Download d = report.export(from, to, f);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(d.contentType()))
                .body(d.content());
    }
}
