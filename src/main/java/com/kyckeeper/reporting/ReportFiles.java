package com.kyckeeper.reporting;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.poifs.crypt.temp.SXSSFWorkbookWithCustomZipEntrySource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * CSV, XLSX (Apache POI) and PDF (OpenPDF) renderings of any report table, streamed row by row so
 * that a report over a million customers does not sit in memory. The PDF embeds Droid Sans
 * Fallback (Apache-2.0, from Debian's fonts-droid-fallback) so that Chinese renders anywhere.
 */
@Component
class ReportFiles {

    static final String CJK_FONT = "fonts/DroidSansFallback.ttf";
    private static final int PDF_FLUSH_ROWS = 500;

    record Column<R>(String header, Function<R, Object> value) {
    }

    /** A report's rows, produced on demand into a sink. */
    interface Rows<R> {
        void into(Consumer<R> sink);
    }

    private volatile byte[] fontBytes;

    static String text(Object v) {
        return v == null ? "" : v instanceof java.math.BigDecimal b ? b.toPlainString() : v.toString();
    }

    <R> void csv(List<Column<R>> columns, Rows<R> rows, OutputStream target) throws IOException {
        Writer out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        out.write("\uFEFF");
        out.write(String.join(",", columns.stream().map(c -> quote(c.header())).toList()) + "\r\n");
        rows.into(r -> {
            try {
                out.write(String.join(",", columns.stream().map(c -> quote(text(c.value().apply(r)))).toList()) + "\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /**
     * RFC 4180: quoted only where needed; a leading formula character is neutralised so that
     * spreadsheets do not execute it.
     */
    static String quote(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        boolean needsQuotes = v.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')
                || !v.equals(v.strip());
        return needsQuotes ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    <R> void xlsx(String sheetName, List<Column<R>> columns, Rows<R> rows, OutputStream out) throws IOException {
        // SXSSF spills rows (names, ID numbers) to temp files: these are AES-encrypted with a key that
        // lives only in memory, so a file left behind by a crash is unreadable; dispose removes them.
        SXSSFWorkbook wb = new SXSSFWorkbookWithCustomZipEntrySource();
        try {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            org.apache.poi.ss.usermodel.Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(columns.get(i).header());
                c.setCellStyle(bold);
            }
            int[] n = {1};
            rows.into(r -> {
                Row row = sheet.createRow(n[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    Object v = columns.get(i).value().apply(r);
                    if (v instanceof Integer count) {
                        row.createCell(i).setCellValue(count);
                    } else {
                        row.createCell(i).setCellValue(text(v));
                    }
                }
            });
            sheet.createFreezePane(0, 1);
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    <R> void pdf(String title, List<Column<R>> columns, Rows<R> rows, OutputStream out) {
        try {
            BaseFont cjk = BaseFont.createFont(CJK_FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font(), null);
            FontSelector heading = selector(cjk, 12);
            FontSelector body = selector(cjk, 6.5f);
            Document doc = new Document(PageSize.A4.rotate(), 20, 20, 24, 24);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.open();
            doc.add(new Paragraph(heading.process(title)));
            doc.add(new Paragraph(" "));
            PdfPTable table = new PdfPTable(columns.size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setComplete(false);
            for (Column<R> c : columns) {
                PdfPCell cell = new PdfPCell(body.process(c.header()));
                cell.setGrayFill(0.9f);
                table.addCell(cell);
            }
            int[] n = {0};
            rows.into(r -> {
                for (Column<R> c : columns) {
                    table.addCell(new PdfPCell(body.process(text(c.value().apply(r)))));
                }
                if (++n[0] % PDF_FLUSH_ROWS == 0) {
                    doc.add(table); // writes the rows so far; the table continues
                }
            });
            table.setComplete(true);
            doc.add(table);
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF rendering failed", e);
        }
    }

    /** For reports small enough to answer as one body (the large-value report's period). */
    static byte[] bytes(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static FontSelector selector(BaseFont cjk, float size) {
        FontSelector s = new FontSelector();
        s.addFont(new Font(Font.HELVETICA, size));
        s.addFont(new Font(cjk, size));
        return s;
    }

    private byte[] font() throws IOException {
        byte[] b = fontBytes;
        if (b == null) {
            try (InputStream in = new ClassPathResource(CJK_FONT).getInputStream()) {
                b = Objects.requireNonNull(in.readAllBytes());
            }
            fontBytes = b;
        }
        return b;
    }
}
