package com.kyckeeper.reporting;

import java.util.List;

/** The large-value report's columns, as the monitoring centre reads them (Chinese and English headers). */
final class LargeValueColumns {

    private LargeValueColumns() {
    }

    static final List<ReportFiles.Column<LargeValueRow>> COLUMNS = List.of(
            new ReportFiles.Column<>("事件编号 Event", LargeValueRow::eventId),
            new ReportFiles.Column<>("类型 Type", LargeValueRow::eventType),
            new ReportFiles.Column<>("交易日 Business day", LargeValueRow::businessDay),
            new ReportFiles.Column<>("报告期限 Report due by", LargeValueRow::reportDueBy),
            new ReportFiles.Column<>("方向 Direction", LargeValueRow::direction),
            new ReportFiles.Column<>("币种类别 Class", LargeValueRow::currencyClass),
            new ReportFiles.Column<>("币种 Currency", LargeValueRow::currency),
            new ReportFiles.Column<>("金额 Amount", LargeValueRow::amount),
            new ReportFiles.Column<>("折算币种 Measure currency", LargeValueRow::measureCurrency),
            new ReportFiles.Column<>("折算金额 Measured total", LargeValueRow::measuredTotal),
            new ReportFiles.Column<>("笔数 Count", LargeValueRow::transactionCount),
            new ReportFiles.Column<>("交易流水号 References", r -> String.join(" ", r.references())),
            new ReportFiles.Column<>("网点 Branches", r -> String.join(" ", r.branches())),
            new ReportFiles.Column<>("客户号 Customer id", r -> r.customer().customerId()),
            new ReportFiles.Column<>("客户类型 Customer type", r -> r.customer().type()),
            new ReportFiles.Column<>("姓名/名称 Name", r -> r.customer().name()),
            new ReportFiles.Column<>("性别 Gender", r -> r.customer().gender()),
            new ReportFiles.Column<>("国籍 Nationality", r -> r.customer().nationality()),
            new ReportFiles.Column<>("职业 Occupation", r -> r.customer().occupation()),
            new ReportFiles.Column<>("地址 Address", r -> r.customer().address()),
            new ReportFiles.Column<>("联系电话 Phone", r -> r.customer().phone()),
            new ReportFiles.Column<>("证件类型 ID type", r -> r.customer().idDocumentType()),
            new ReportFiles.Column<>("证件号码 ID number", r -> r.customer().idDocumentNumber()),
            new ReportFiles.Column<>("证件有效期 ID valid until", r -> r.customer().idDocumentExpiresOn()),
            new ReportFiles.Column<>("统一社会信用代码 Credit code", r -> r.customer().unifiedSocialCreditCode()),
            new ReportFiles.Column<>("执照号码 Licence", r -> r.customer().licenceNumber()),
            new ReportFiles.Column<>("法定代表人 Legal representative", r -> r.customer().legalRepresentativeName()),
            new ReportFiles.Column<>("法定代表人证件类型 Rep. ID type", r -> r.customer().legalRepresentativeIdType()),
            new ReportFiles.Column<>("法定代表人证件号码 Rep. ID number", r -> r.customer().legalRepresentativeIdNumber()));

    /** The PDF has room for fewer columns: the ones a reviewer reads first. */
    private static final List<String> PDF_HEADERS = List.of("交易日 Business day", "报告期限 Report due by", "方向 Direction",
            "币种 Currency", "金额 Amount", "折算金额 Measured total", "笔数 Count", "姓名/名称 Name",
            "证件类型 ID type", "证件号码 ID number", "统一社会信用代码 Credit code", "国籍 Nationality", "地址 Address");

    static final List<ReportFiles.Column<LargeValueRow>> PDF_COLUMNS =
            COLUMNS.stream().filter(c -> PDF_HEADERS.contains(c.header())).toList();
}
