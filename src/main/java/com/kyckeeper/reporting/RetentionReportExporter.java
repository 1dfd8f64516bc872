package com.kyckeeper.reporting;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.retention.RetentionReport;
import com.kyckeeper.retention.RetentionReportRow;
import com.kyckeeper.shared.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Streams the retention report through {@link ReportFiles} with the same columns as the API download. */
@Service
class RetentionReportExporter implements RetentionReportExport {

    private final RetentionReport report;
    private final ReportFiles files;
    private final AccessLog accessLog;

    RetentionReportExporter(RetentionReport report, ReportFiles files, AccessLog accessLog) {
        this.report = report;
        this.files = files;
        this.accessLog = accessLog;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public long export(LocalDate asOf, Format format, OutputStream out) throws IOException {
        if (asOf == null) {
            throw new InvalidInputException("asOf", "is required");
        }
        if (format == null) {
            throw new InvalidInputException("format", "must be csv, xlsx or pdf");
        }
        AtomicLong count = new AtomicLong();
        ReportFiles.Rows<RetentionReportRow> rows = sink -> count.set(report.write(asOf, sink));
        switch (format) {
            case CSV -> files.csv(RetentionReportController.COLUMNS, rows, out);
            case XLSX -> files.xlsx("retention " + asOf, RetentionReportController.COLUMNS, rows, out);
            case PDF -> files.pdf("保存期限报告 Retention report as of " + asOf, RetentionReportController.COLUMNS, rows, out);
        }
        accessLog.append(new AccessEvent("REPORT_EXPORT", null, null, Outcome.SUCCESS,
                "retention " + format + " asOf " + asOf + ", rows: " + count.get()));
        return count.get();
    }
}
