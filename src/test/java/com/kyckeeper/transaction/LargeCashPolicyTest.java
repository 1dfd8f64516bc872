package com.kyckeeper.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerStanding;
import com.kyckeeper.customer.CustomerStatus;
import com.kyckeeper.customer.CustomerType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** The rules as data: the shipped PBOC policy, and a US CTR policy expressed by the YAML file alone. */
class LargeCashPolicyTest {

    static LargeCashRules load(Resource yml) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load(yml.getFilename(), yml).forEach(env.getPropertySources()::addLast);
        Resource cal = new FileSystemResource("policies/working-calendar.yml");
        new YamlPropertySourceLoader().load("calendar", cal).forEach(env.getPropertySources()::addLast);
        Binder binder = Binder.get(env);
        LargeCashProperties p = binder.bind("kyc.large-cash", LargeCashProperties.class).get();
        CalendarProperties c = binder.bind("kyc.calendar", CalendarProperties.class).get();
        return new LargeCashRules(p, WorkingCalendar.of(c));
    }

    static LargeCashRules pboc() throws IOException {
        return load(new FileSystemResource("policies/large-cash.yml"));
    }

    static LargeCashRules usCtr() throws IOException {
        return load(new ClassPathResource("policies/us-ctr.yml"));
    }

    static boolean large(LargeCashRules rules, String amount, String currency, Map<String, BigDecimal> rates) {
        CurrencyClass c = rules.classOf(currency).orElseThrow();
        BigDecimal measured = rules.measure(new BigDecimal(amount), currency, c, rates).orElseThrow();
        return SameDayAggregate.empty().add(measured, c).reportable();
    }

    @Test
    void pbocPolicyIsInclusiveAtFiftyThousandYuanAndTenThousandDollars() throws IOException {
        LargeCashRules rules = pboc();
        assertThat(large(rules, "49999.99", "CNY", Map.of())).isFalse();
        assertThat(large(rules, "50000.00", "CNY", Map.of())).isTrue();
        assertThat(large(rules, "9999.99", "USD", Map.of())).isFalse();
        assertThat(large(rules, "10000.00", "USD", Map.of())).isTrue();
        assertThat(rules.classOf("CNY").orElseThrow().name()).isEqualTo("RMB");
        assertThat(rules.classOf("JPY").orElseThrow().name()).isEqualTo("FOREIGN");
        assertThat(rules.decimals(Currency.getInstance("JPY"))).isZero();
        assertThat(rules.decimals(Currency.getInstance("CNY"))).isEqualTo(2);
        assertThat(rules.dueDiligence().sourceOrPurposeRequired()).isTrue();
    }

    @Test
    void usCtrPolicyIsExclusiveAboveTenThousandDollarsAcrossAllCurrencies() throws IOException {
        LargeCashRules rules = usCtr();
        Map<String, BigDecimal> rates = Map.of("USD", new BigDecimal("7.1000"));
        assertThat(large(rules, "10000.00", "USD", rates)).isFalse();
        assertThat(large(rules, "10000.01", "USD", rates)).isTrue();
        // CNY is measured too, converted to USD: 71,000.07 CNY = 10,000.01 USD.
        assertThat(rules.classOf("CNY").orElseThrow().name()).isEqualTo("CASH");
        assertThat(large(rules, "71000.00", "CNY", rates)).isFalse();
        assertThat(large(rules, "71000.08", "CNY", rates)).isTrue();
        // Business day in New York: 03:00 UTC on the 21st is still the 20th there.
        assertThat(rules.businessDay(Instant.parse("2026-11-21T03:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(rules.reportDueBy(LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 12, 5));
        CustomerStanding verified = new CustomerStanding(CustomerId.random(), CustomerType.INDIVIDUAL,
                CustomerStatus.VERIFIED, LocalDate.of(2040, 1, 1), null);
        assertThat(rules.dueDiligence().evaluate(verified, LocalDate.of(2026, 11, 20), false).status())
                .isEqualTo(DueDiligenceStatus.SATISFIED);
    }

    @Test
    void aggregateCrossesOnTheTransactionThatReachesTheThreshold() throws IOException {
        CurrencyClass rmb = pboc().classOf("CNY").orElseThrow();
        SameDayAggregate first = SameDayAggregate.empty().add(new BigDecimal("30000.00"), rmb);
        SameDayAggregate second = first.add(new BigDecimal("19999.99"), rmb);
        SameDayAggregate third = second.add(new BigDecimal("0.01"), rmb);
        assertThat(first.reportable()).isFalse();
        assertThat(second.reportable()).isFalse();
        assertThat(third.reportable()).isTrue();
        assertThat(third.crossedFrom(second)).isTrue();
        assertThat(third.add(BigDecimal.ONE, rmb).crossedFrom(third)).isFalse();
    }

    @Test
    void dueDiligenceNamesEveryMissingElement() throws IOException {
        CustomerStanding pending = new CustomerStanding(CustomerId.random(), CustomerType.INDIVIDUAL,
                CustomerStatus.PENDING_VERIFICATION, LocalDate.of(2026, 11, 19), null);
        DueDiligenceRule.Outcome o = pboc().dueDiligence().evaluate(pending, LocalDate.of(2026, 11, 20), false);
        assertThat(o.status()).isEqualTo(DueDiligenceStatus.REQUIRED);
        assertThat(o.reasons()).containsExactly(DueDiligenceRule.Reason.IDENTITY_NOT_VERIFIED,
                DueDiligenceRule.Reason.DOCUMENT_NOT_VALID, DueDiligenceRule.Reason.SOURCE_OR_PURPOSE_MISSING);
    }
}
