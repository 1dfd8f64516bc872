package com.kyckeeper.reporting;

import java.time.LocalDate;
import java.util.List;

/** The large-value transaction report over a range of business days. Compliance only; every run is audited. */
public interface LargeValueReport {

    enum Format { JSON, CSV, XLSX, PDF }

    record Download(String fileName, String contentType, byte[] content) {
    }

    List<LargeValueRow> rows(LocalDate from, LocalDate to);

    Download export(LocalDate from, LocalDate to, Format format);
}
