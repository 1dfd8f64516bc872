package com.kyckeeper.reporting;

import com.kyckeeper.retention.RetentionReport;
import com.kyckeeper.retention.RetentionReportRow;
import com.kyckeeper.retention.RetentionStatus;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * GET /api/v1/reports/retention (api.md, Reports): per customer the basis, eligibleFrom, hold and
 * status on {@code asOf} (default today); JSON, or {@code format=csv|xlsx|pdf} streamed as a download. {@code status=DUE,HELD}
 * (any of OPEN, RETAINED, HELD, DUE, PURGED) keeps only those rows; DUE/HELD alone are selected from the
 * purge's candidates in SQL. The retention
 * module computes the rows (and checks the role and records the access); this only renders them.
 */
@RestController
class RetentionReportController {

    static final List<ReportFiles.Column<RetentionReportRow>> COLUMNS = List.of(
            new ReportFiles.Column<>("customerId", RetentionReportRow::customerId),
            new ReportFiles.Column<>("status", RetentionReportRow::status),
            new ReportFiles.Column<>("basis", RetentionReportRow::basis),
            new ReportFiles.Column<>("clockStart", RetentionReportRow::clockStart),
            new ReportFiles.Column<>("eligibleFrom", RetentionReportRow::eligibleFrom),
            new ReportFiles.Column<>("legalHold", RetentionReportRow::legalHold),
            new ReportFiles.Column<>("policy", RetentionReportRow::policy),
            new ReportFiles.Column<>("purgeRunId", RetentionReportRow::purgeRunId));

    private final RetentionReport report;
    private final ReportFiles files;
    private final ObjectMapper json;
    private final BusinessClock clock;

    RetentionReportController(RetentionReport report, ReportFiles files, ObjectMapper json, BusinessClock clock) {
        this.report = report;
        this.files = files;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/reports/retention")
    Object report(@RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate given,
                  @RequestParam(defaultValue = "json") String format,
                  @RequestParam(required = false) Set<RetentionStatus> status,
                  HttpServletResponse response) throws IOException {
        // Without asOf: today in the business time zone (what an officer means by "now").
        LocalDate asOf = given == null ? clock.today() : given;
        // an empty item (status= or status=%00) binds as null: no filter, not a failure
        Set<RetentionStatus> only = status == null ? Set.of()
                : status.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        ReportFiles.Rows<RetentionReportRow> rows = sink -> report.write(asOf, only, sink);
        switch (format) {
            case "json" -> {
                streamJson(asOf, only, response);
                return null;
            }
            case "csv" -> {
                download(response, "text/csv;charset=UTF-8", asOf, "csv");
                files.csv(COLUMNS, rows, response.getOutputStream());
            }
            case "xlsx" -> {
                download(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", asOf, "xlsx");
                files.xlsx("retention " + asOf, COLUMNS, rows, response.getOutputStream());
            }
            case "pdf" -> {
                download(response, "application/pdf", asOf, "pdf");
                files.pdf("保存期限报告 Retention report as of " + asOf, COLUMNS, rows, response.getOutputStream());
            }
            default -> throw new InvalidInputException("format", "must be json, csv, xlsx or pdf");
        }
        return null;
    }

    /**
     * {@code {"asOf": …, "rows": [ … ]}} written row by row as the report makes them (same mapper as every
     * answer), so the JSON answer too holds one page in memory. Nothing is written before the report has
     * checked the role and the input, so a refusal is still a problem+json answer.
     */
    private void streamJson(LocalDate asOf, Set<RetentionStatus> only, HttpServletResponse response) throws IOException {
        OutputStream[] out = {null}; // opened with the first row, once the report has accepted the request
        try {
            report.write(asOf, only, row -> {
                try {
                    if (out[0] == null) {
                        out[0] = startJson(asOf, response);
                    } else {
                        out[0].write(',');
                    }
                    out[0].write(json.writeValueAsBytes(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (out[0] == null) {
            out[0] = startJson(asOf, response);
        }
        out[0].write("]}".getBytes(StandardCharsets.UTF_8));
        out[0].flush();
    }

    private OutputStream startJson(LocalDate asOf, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        out.write(("{\"asOf\":" + json.writeValueAsString(asOf) + ",\"rows\":[").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static void download(HttpServletResponse response, String type, LocalDate asOf, String extension) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"retention-" + asOf + "." + extension + "\"");
    }
}
