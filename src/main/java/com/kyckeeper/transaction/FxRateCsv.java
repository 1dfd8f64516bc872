package com.kyckeeper.transaction;

import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The FX-rate CSV ({@code date,currency,cnyPerUnit}, header optional), parsed by Apache Commons CSV
 * record by record from the request stream: quoting and CRLF are the library's, and the file is never
 * held whole. All or nothing: the first 100 bad lines are named ({@code line[n]}).
 */
final class FxRateCsv {

    static final int MAX_LINES = 100_000;
    private static final int MAX_ERRORS = 100;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    private FxRateCsv() {
    }

    static Map<LocalDate, Map<String, BigDecimal>> parse(Reader in) {
        List<FieldViolation> v = new ArrayList<>();
        Map<LocalDate, Map<String, BigDecimal>> byDay = new TreeMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            boolean first = true;
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (r.getRecordNumber() > MAX_LINES) {
                    throw new InvalidInputException("body", "at most " + MAX_LINES + " lines");
                }
                boolean header = first && r.size() > 0 && r.get(0).toLowerCase(Locale.ROOT).startsWith("date");
                first = false;
                if (header || (r.size() == 1 && r.get(0).isEmpty())) {
                    continue;
                }
                String at = "line[" + line + "]";
                if (r.size() != 3) {
                    v.add(new FieldViolation(at, "must be date,currency,cnyPerUnit"));
                    continue;
                }
                LocalDate d;
                try {
                    d = LocalDate.parse(r.get(0).replace("\uFEFF", ""));
                } catch (DateTimeParseException e) {
                    v.add(new FieldViolation(at + ".date", "must be an ISO date"));
                    continue;
                }
                String ccy = r.get(1);
                parseRate(ccy, r.get(2), at, v).ifPresent(rate -> byDay.computeIfAbsent(d, k -> new TreeMap<>()).put(ccy, rate));
                if (v.size() >= MAX_ERRORS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("body", "must be CSV text: date,currency,cnyPerUnit");
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (byDay.isEmpty()) {
            throw new InvalidInputException("body", "no rates found");
        }
        return byDay;
    }

    static Optional<BigDecimal> parseRate(String ccy, String value, String field, List<FieldViolation> v) {
        try {
            java.util.Currency.getInstance(ccy);
            if (!ccy.matches("[A-Z]{3}") || ccy.equals("CNY")) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            v.add(new FieldViolation(field, "currency must be an ISO 4217 code other than CNY"));
            return Optional.empty();
        }
        if (value == null || !value.matches("\\d{1,10}(\\.\\d{1,8})?") || new BigDecimal(value).signum() <= 0) {
            v.add(new FieldViolation(field, "must be a positive decimal string with at most 8 decimals (CNY per unit)"));
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }
}
