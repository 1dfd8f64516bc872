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
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/reports/retention (api.md, Reports). There is no reporting module on this branch yet,
 * so the retention report lives here; JSON, or {@code format=csv|xlsx|pdf} downloads.
 */
@RestController
class RetentionReportController {

    private final RetentionReport report;

    RetentionReportController(RetentionReport report) {
        this.report = report;
    }

    @GetMapping(value = "/api/v1/reports/retention", params = {"!format"})
    Map<String, Object> json(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        List<RetentionReportRow> rows = new ArrayList<>();
        report.write(asOf, rows::add);
        return Map.of("asOf", asOf, "rows", rows);
    }

    @GetMapping(value = "/api/v1/reports/retention", params = "format=json")
    Map<String, Object> jsonFormat(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return json(asOf);
    }

    @GetMapping(value = "/api/v1/reports/retention", params = {"format", "format!=json"})
    void download(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam String format, HttpServletResponse response) throws IOException {
        switch (format) {
            case "csv" -> csv(asOf, response);
            case "xlsx" -> xlsx(asOf, response);
            case "pdf" -> pdf(asOf, response);
            default -> throw new InvalidInputException("format", "must be csv, xlsx or pdf");
        }
    }

    private static final String[] HEADER = {"customerId", "status", "basis", "clockStart", "eligibleFrom", "legalHold",
            "policy", "purgeRunId"};

    private static String[] cells(RetentionReportRow row) {
        return new String[] {row.customerId(), row.status().name(), str(row.basis()), str(row.clockStart()),
                str(row.eligibleFrom()), String.valueOf(row.legalHold()), str(row.policy()), str(row.purgeRunId())};
    }

    private void csv(LocalDate asOf, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        attachment(response, asOf, "csv");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(String.join(",", HEADER) + "\r\n");
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

    /** Streaming workbook: a window of rows in memory, the rest on disk until written. */
    private void xlsx(LocalDate asOf, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        attachment(response, asOf, "xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet("retention " + asOf);
            int[] r = {0};
            Row head = sheet.createRow(r[0]++);
            for (int i = 0; i < HEADER.length; i++) {
                head.createCell(i).setCellValue(HEADER[i]);
            }
            report.write(asOf, row -> {
                Row x = sheet.createRow(r[0]++);
                String[] c = cells(row);
                for (int i = 0; i < c.length; i++) {
                    x.createCell(i).setCellValue(c[i]);
                }
            });
            book.write(response.getOutputStream());
            book.dispose();
        }
    }

    private void pdf(LocalDate asOf, HttpServletResponse response) throws IOException {
        response.setContentType("application/pdf");
        attachment(response, asOf, "pdf");
        Document doc = new Document(PageSize.A4.rotate(), 20, 20, 20, 20);
        PdfWriter.getInstance(doc, response.getOutputStream());
        doc.open();
        Font small = new Font(Font.HELVETICA, 6);
        doc.add(new Paragraph("Retention report as of " + asOf, new Font(Font.HELVETICA, 11, Font.BOLD)));
        PdfPTable table = new PdfPTable(new float[] {9, 4, 16, 4, 4, 3, 6, 9});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        for (String h : HEADER) {
            table.addCell(new Phrase(h, small));
        }
        int[] n = {0};
        report.write(asOf, row -> {
            for (String c : cells(row)) {
                table.addCell(new Phrase(c, small));
            }
            if (++n[0] % 500 == 0) {
                doc.add(table); // flushes the rows written so far (large table)
            }
        });
        table.setComplete(true);
        doc.add(table);
        doc.close();
    }

    private static void attachment(HttpServletResponse response, LocalDate asOf, String extension) {
        response.setHeader("Content-Disposition", "attachment; filename=\"retention-" + asOf + "." + extension + "\"");
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
