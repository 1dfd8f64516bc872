package com.kyckeeper.transaction;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidFieldException;
import com.kyckeeper.shared.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A cash transaction whose every field passed its checks; {@link #validate} is the only way to get one. */
record ValidCashTransaction(String reference, CustomerId customerId, Direction direction, BigDecimal amount,
                            String currency, OffsetDateTime occurredAt, LocalDate businessDay, String branch,
                            String sourceOfFunds, String purpose) {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,19}(\\.\\d{1,10})?");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._-]+");

    boolean sourceOrPurposeGiven() {
        return sourceOfFunds != null || purpose != null;
    }

    /** Either a valid transaction or every violation, each naming its field (never the value). */
    record Result(ValidCashTransaction valid, List<FieldViolation> violations) {
    }

    static Result validate(CashTransactionRequest r, LargeCashRules rules, Instant now) {
        List<FieldViolation> v = new ArrayList<>(r.bindingErrors());
        java.util.Set<String> bad = new java.util.HashSet<>();
        v.forEach(f -> bad.add(f.field()));
        String reference = bad.contains("reference") ? null : check(v, "reference", () -> {
            String ref = Text.required(r.reference(), 64);
            if (!REFERENCE.matcher(ref).matches()) {
                throw new InvalidFieldException("must be letters, digits and . _ : / - (at most 64)");
            }
            return ref;
        });
        CustomerId customer = bad.contains("customerId") ? null : check(v, "customerId", () -> {
            String raw = Text.required(r.customerId(), 36);
            try {
                return new CustomerId(UUID.fromString(raw));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("must be a customer id");
            }
        });
        Direction direction = bad.contains("direction") ? null : check(v, "direction", () -> {
            String raw = Text.required(r.direction(), 16);
            try {
                return Direction.valueOf(raw);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("must be DEPOSIT or WITHDRAWAL");
            }
        });
        Currency currency = bad.contains("currency") ? null : check(v, "currency", () -> {
            String raw = Text.required(r.currency(), 3);
            if (!CURRENCY.matcher(raw).matches()) {
                throw new InvalidFieldException("must be an ISO 4217 currency code such as CNY");
            }
            try {
                Currency c = Currency.getInstance(raw);
                if (rules.decimals(c) < 0) {
                    throw new InvalidFieldException("is not a cash currency");
                }
                return c;
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("is not an ISO 4217 currency code");
            }
        });
        BigDecimal amount = bad.contains("amount") ? null : check(v, "amount", () -> {
            String raw = Text.required(r.amount(), 40);
            if (!AMOUNT.matcher(raw).matches()) {
                throw new InvalidFieldException("must be a decimal string such as \"50000.00\"");
            }
            BigDecimal a = new BigDecimal(raw);
            if (a.signum() <= 0) {
                throw new InvalidFieldException("must be more than zero");
            }
            if (a.compareTo(MAX_AMOUNT) >= 0) {
                throw new InvalidFieldException("is too large");
            }
            return a;
        });
        if (amount != null && currency != null && amount.scale() > rules.decimals(currency)) {
            v.add(new FieldViolation("amount", "has more decimals than " + currency.getCurrencyCode() + " allows ("
                    + rules.decimals(currency) + ")"));
            amount = null;
        }
        OffsetDateTime occurredAt = bad.contains("occurredAt") ? null : check(v, "occurredAt", () -> {
            String raw = Text.required(r.occurredAt(), 40);
            OffsetDateTime t;
            try {
                t = OffsetDateTime.parse(raw);
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException("must be an ISO-8601 date-time with offset, e.g. 2026-11-20T10:15:00+08:00");
            }
            if (t.toInstant().isAfter(now.plus(rules.maxFutureSkew()))) {
                throw new InvalidFieldException("must not be in the future");
            }
            if (rules.businessDay(t.toInstant()).isBefore(rules.earliestDate())) {
                throw new InvalidFieldException("must not be before " + rules.earliestDate());
            }
            return t;
        });
        String branch = bad.contains("branch") ? null : check(v, "branch", () -> {
            String b = Text.optional(r.branch(), 32);
            if (b != null && !BRANCH.matcher(b).matches()) {
                throw new InvalidFieldException("must be letters, digits and . _ -");
            }
            return b;
        });
        String source = bad.contains("sourceOfFunds") ? null : check(v, "sourceOfFunds", () -> Text.optional(r.sourceOfFunds(), 200));
        String purpose = bad.contains("purpose") ? null : check(v, "purpose", () -> Text.optional(r.purpose(), 200));
        if (!v.isEmpty()) {
            return new Result(null, List.copyOf(v));
        }
        return new Result(new ValidCashTransaction(reference, customer, direction,
                amount.setScale(rules.decimals(currency)), currency.getCurrencyCode(),
                occurredAt, rules.businessDay(occurredAt.toInstant()), branch, source, purpose), List.of());
    }

    private static <T> T check(List<FieldViolation> v, String field, Supplier<T> s) {
        try {
            return s.get();
        } catch (InvalidFieldException e) {
            v.add(e.under(field));
            return null;
        }
    }
}
