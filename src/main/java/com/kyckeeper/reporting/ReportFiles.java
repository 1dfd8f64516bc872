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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * CSV, XLSX (Apache POI) and PDF (OpenPDF) renderings of the report. The PDF embeds Droid Sans
 * Fallback (Apache-2.0, from Debian's fonts-droid-fallback) so that Chinese names render anywhere.
 */
@Component
class ReportFiles {

    static final String CJK_FONT = "fonts/DroidSansFallback.ttf";

    record Column(String header, Function<LargeValueRow, Object> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("事件编号 Event", LargeValueRow::eventId),
            new Column("类型 Type", LargeValueRow::eventType),
            new Column("交易日 Business day", LargeValueRow::businessDay),
            new Column("报告期限 Report due by", LargeValueRow::reportDueBy),
            new Column("方向 Direction", LargeValueRow::direction),
            new Column("币种类别 Class", LargeValueRow::currencyClass),
            new Column("币种 Currency", LargeValueRow::currency),
            new Column("金额 Amount", LargeValueRow::amount),
            new Column("折算币种 Measure currency", LargeValueRow::measureCurrency),
            new Column("折算金额 Measured total", LargeValueRow::measuredTotal),
            new Column("笔数 Count", LargeValueRow::transactionCount),
            new Column("交易流水号 References", r -> String.join(" ", r.references())),
            new Column("网点 Branches", r -> String.join(" ", r.branches())),
            new Column("客户号 Customer id", r -> r.customer().customerId()),
            new Column("客户类型 Customer type", r -> r.customer().type()),
            new Column("姓名/名称 Name", r -> r.customer().name()),
            new Column("性别 Gender", r -> r.customer().gender()),
            new Column("国籍 Nationality", r -> r.customer().nationality()),
            new Column("职业 Occupation", r -> r.customer().occupation()),
            new Column("地址 Address", r -> r.customer().address()),
            new Column("联系电话 Phone", r -> r.customer().phone()),
            new Column("证件类型 ID type", r -> r.customer().idDocumentType()),
            new Column("证件号码 ID number", r -> r.customer().idDocumentNumber()),
            new Column("证件有效期 ID valid until", r -> r.customer().idDocumentExpiresOn()),
            new Column("统一社会信用代码 Credit code", r -> r.customer().unifiedSocialCreditCode()),
            new Column("执照号码 Licence", r -> r.customer().licenceNumber()),
            new Column("法定代表人 Legal representative", r -> r.customer().legalRepresentativeName()),
            new Column("法定代表人证件类型 Rep. ID type", r -> r.customer().legalRepresentativeIdType()),
            new Column("法定代表人证件号码 Rep. ID number", r -> r.customer().legalRepresentativeIdNumber()));

    /** The PDF has room for fewer columns: the ones a reviewer reads first. */
    static final List<String> PDF_COLUMNS = List.of("交易日 Business day", "报告期限 Report due by", "方向 Direction",
            "币种 Currency", "金额 Amount", "折算金额 Measured total", "笔数 Count", "姓名/名称 Name",
            "证件类型 ID type", "证件号码 ID number", "统一社会信用代码 Credit code", "国籍 Nationality", "地址 Address");

    private volatile byte[] fontBytes;

    static String text(Object v) {
        return v == null ? "" : v instanceof java.math.BigDecimal b ? b.toPlainString() : v.toString();
    }

    byte[] csv(List<LargeValueRow> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", COLUMNS.stream().map(c -> quote(c.header())).toList())).append("\r\n");
        for (LargeValueRow r : rows) {
            sb.append(String.join(",", COLUMNS.stream().map(c -> quote(text(c.value().apply(r)))).toList())).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so that spreadsheets do not execute it. */
    static String quote(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    byte[] xlsx(List<LargeValueRow> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("大额交易报告");
            CellStyle bold = wb.createCellStyle();
            org.apache.poi.ss.usermodel.Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(COLUMNS.get(i).header());
                c.setCellStyle(bold);
            }
            int n = 1;
            for (LargeValueRow r : rows) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Object v = COLUMNS.get(i).value().apply(r);
                    if (v instanceof Integer count) {
                        row.createCell(i).setCellValue(count);
                    } else {
                        row.createCell(i).setCellValue(text(v));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            wb.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pdf(List<LargeValueRow> rows, LocalDate from, LocalDate to) {
        try {
            BaseFont cjk = BaseFont.createFont(CJK_FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font(), null);
            FontSelector title = selector(cjk, 12);
            FontSelector body = selector(cjk, 6.5f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4.rotate(), 20, 20, 24, 24);
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Large-value transaction report " + from + " – " + to);
            doc.open();
            doc.add(new Paragraph(title.process("大额交易报告 Large-value transaction report  " + from + " – " + to
                    + "  (" + rows.size() + ")")));
            doc.add(new Paragraph(" "));
            List<Column> cols = COLUMNS.stream().filter(c -> PDF_COLUMNS.contains(c.header())).toList();
            PdfPTable table = new PdfPTable(cols.size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (Column c : cols) {
                PdfPCell cell = new PdfPCell(body.process(c.header()));
                cell.setGrayFill(0.9f);
                table.addCell(cell);
            }
            for (LargeValueRow r : rows) {
                for (Column c : cols) {
                    table.addCell(new PdfPCell(body.process(text(c.value().apply(r)))));
                }
            }
            doc.add(table);
            doc.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF rendering failed", e);
        }
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
