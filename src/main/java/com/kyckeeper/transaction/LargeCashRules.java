package com.kyckeeper.transaction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The large-cash rules in one place (plain Java, built from policies/large-cash.yml and the
 * working calendar): which class a currency belongs to, how an amount is measured, whether a
 * threshold is reached, what due diligence needs and when the report is due.
 */
final class LargeCashRules {

    static final int MEASURE_SCALE = 4;

    private final String name;
    private final ZoneId zone;
    private final List<CurrencyClass> classes;
    private final DueDiligenceRule dueDiligence;
    private final ReportDeadline deadline;
    private final Duration maxFutureSkew;
    private final LocalDate earliestDate;
    private final int maxBatchSize;
    private final Map<String, Integer> decimals;

    LargeCashRules(LargeCashProperties p, WorkingCalendar calendar) {
        this.name = p.name();
        this.zone = ZoneId.of(p.zone());
        List<CurrencyClass> built = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (LargeCashProperties.ClassRule c : p.classes()) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("Currency class " + c.name() + " is defined twice");
            }
            Set<String> codes = new HashSet<>();
            for (String code : c.currencies()) {
                if (!code.equals("*")) {
                    Currency.getInstance(code);
                    codes.add(code);
                }
            }
            Currency.getInstance(c.measureCurrency());
            Set<Direction> directions = c.directions() == null || c.directions().isEmpty()
                    ? EnumSet.allOf(Direction.class) : EnumSet.copyOf(c.directions());
            built.add(new CurrencyClass(c.name(), Set.copyOf(codes), c.currencies().contains("*"),
                    new LargeCashThreshold(c.threshold(), c.measureCurrency(), c.comparison()), Set.copyOf(directions),
                    c.window() == null ? LargeCashProperties.Window.BUSINESS_DAY : c.window()));
        }
        this.classes = List.copyOf(built);
        this.dueDiligence = new DueDiligenceRule(p.sourceOrPurposeRequired());
        this.deadline = new ReportDeadline(p.reportDeadline().days(), p.reportDeadline().counting(), calendar);
        this.maxFutureSkew = p.maxFutureSkew();
        this.earliestDate = p.earliestDate();
        this.maxBatchSize = p.maxBatchSize();
        this.decimals = p.currencyDecimals() == null ? Map.of() : Map.copyOf(p.currencyDecimals());
    }

    String name() {
        return name;
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate businessDay(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The class that measures this currency, if any (first match; "*" catches the rest). */
    Optional<CurrencyClass> classOf(String currency) {
        for (CurrencyClass c : classes) {
            if (c.currencies().contains(currency)) {
                return Optional.of(c);
            }
        }
        return classes.stream().filter(CurrencyClass::others).findFirst();
    }

    Optional<CurrencyClass> classNamed(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The amount in the class's measure currency, converted with the day's rates (CNY per unit;
     * CNY itself is 1). Empty when a needed rate is missing.
     */
    Optional<BigDecimal> measure(BigDecimal amount, String currency, CurrencyClass c, Map<String, BigDecimal> rates) {
        if (currency.equals(c.measureCurrency())) {
            return Optional.of(amount.setScale(MEASURE_SCALE, RoundingMode.HALF_UP));
        }
        BigDecimal from = currency.equals("CNY") ? BigDecimal.ONE : rates.get(currency);
        BigDecimal to = c.measureCurrency().equals("CNY") ? BigDecimal.ONE : rates.get(c.measureCurrency());
        if (from == null || to == null) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(from).divide(to, MathContext.DECIMAL128).setScale(MEASURE_SCALE, RoundingMode.HALF_UP));
    }

    /** Minor digits a currency's cash amounts may have: the policy's override, else ISO 4217. */
    int decimals(Currency currency) {
        Integer override = decimals.get(currency.getCurrencyCode());
        return override != null ? override : currency.getDefaultFractionDigits();
    }

    DueDiligenceRule dueDiligence() {
        return dueDiligence;
    }

    LocalDate reportDueBy(LocalDate businessDay) {
        return deadline.dueBy(businessDay);
    }

    Duration maxFutureSkew() {
        return maxFutureSkew;
    }

    LocalDate earliestDate() {
        return earliestDate;
    }

    int maxBatchSize() {
        return maxBatchSize;
    }
}
