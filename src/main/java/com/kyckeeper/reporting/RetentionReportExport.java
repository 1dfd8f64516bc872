package com.kyckeeper.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/**
 * The retention report as a CSV, XLSX or PDF file streamed to a caller's output (the web UI's download).
 * Compliance only; each export is recorded in the access log as {@code REPORT_EXPORT}.
 */
public interface RetentionReportExport {

    enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String fileName(LocalDate asOf) {
            return "retention-" + asOf + "." + extension;
        }
    }

    /** Writes every row on {@code asOf} to {@code out}; returns the row count. */
    long export(LocalDate asOf, Format format, OutputStream out) throws IOException;
}
