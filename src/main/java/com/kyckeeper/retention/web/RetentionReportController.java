package com.kyckeeper.retention.web;

import com.kyckeeper.retention.RetentionReport;
import com.kyckeeper.retention.RetentionReportRow;
import com.kyckeeper.shared.InvalidInputException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/reports/retention (api.md, Reports). There is no reporting module on this branch yet,
 * so the retention report lives here; JSON, or CSV with {@code format=csv}.
 */
@RestController
class RetentionReportController {

    private final RetentionReport report;

    RetentionReportController(RetentionReport report) {
        this.report = report;
    }

    @GetMapping(value = "/api/v1/reports/retention", params = "!format")
    Map<String, Object> json(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        List<RetentionReportRow> rows = new ArrayList<>();
        report.write(asOf, rows::add);
        return Map.of("asOf", asOf, "rows", rows);
    }

    @GetMapping(value = "/api/v1/reports/retention", params = "format")
    void download(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam String format, HttpServletResponse response) throws IOException {
        if ("json".equals(format)) {
            throw new InvalidInputException("format", "omit it for JSON, or use csv");
        }
        if (!"csv".equals(format)) {
            throw new InvalidInputException("format", "must be csv (xlsx and pdf are not available yet)");
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"retention-" + asOf + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("customerId,status,basis,clockStart,eligibleFrom,legalHold,policy,purgeRunId\r\n");
        report.write(asOf, row -> {
            try {
                out.write(String.join(",", row.customerId(), row.status().name(), csv(row.basis()),
                        str(row.clockStart()), str(row.eligibleFrom()), String.valueOf(row.legalHold()),
                        csv(row.policy()), str(row.purgeRunId())) + "\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised for spreadsheets. */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
