package com.kyckeeper.reporting;

import com.kyckeeper.retention.RetentionReport;
import com.kyckeeper.retention.RetentionReportRow;
import com.kyckeeper.retention.RetentionStatus;
import com.kyckeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/reports/retention (api.md, Reports): per customer the basis, eligibleFrom, hold and
 * status on {@code asOf}; JSON, or {@code format=csv|xlsx|pdf} streamed as a download. {@code status=DUE,HELD}
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

    RetentionReportController(RetentionReport report, ReportFiles files) {
        this.report = report;
        this.files = files;
    }

    @GetMapping("/api/v1/reports/retention")
    Object report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam(defaultValue = "json") String format,
                  @RequestParam(required = false) Set<RetentionStatus> status,
                  HttpServletResponse response) throws IOException {
        Set<RetentionStatus> only = status == null ? Set.of() : status;
        ReportFiles.Rows<RetentionReportRow> rows = sink -> report.write(asOf, only, sink);
        switch (format) {
            case "json" -> {
                List<RetentionReportRow> all = new ArrayList<>();
                report.write(asOf, only, all::add);
                return Map.of("asOf", asOf, "rows", all);
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

    private static void download(HttpServletResponse response, String type, LocalDate asOf, String extension) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"retention-" + asOf + "." + extension + "\"");
    }
}
