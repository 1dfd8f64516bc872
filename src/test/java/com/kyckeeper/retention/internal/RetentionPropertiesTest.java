package com.kyckeeper.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.retention.RecordClass;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The shipped policies/retention.yml binds; a policy below five years stops the start with a clear message. */
class RetentionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RetentionProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class)
            .withInitializer(ctx -> {
                try {
                    new YamlPropertySourceLoader().load("retention", new ClassPathResource("policies/retention.yml"))
                            .forEach(ctx.getEnvironment().getPropertySources()::addLast);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

    @Test
    void theShippedPolicyKeepsFiveYearsAndAuditEventsTen() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            var policy = ctx.getBean(RetentionProperties.class).policy();
            assertThat(policy.profile()).isEqualTo("default");
            assertThat(policy.periodFor(RecordClass.CUSTOMER_IDENTITY).years()).isEqualTo(5);
            assertThat(policy.periodFor(RecordClass.TRANSACTION).years()).isEqualTo(5);
            assertThat(policy.periodFor(RecordClass.AUDIT_EVENT).years()).isEqualTo(10);
        });
    }

    @Test
    void theCn2026ProfileKeepsTenYearsBecauseTheLongestRuleWins() {
        runner.withPropertyValues("kyc.retention.profile=CN-2026").run(ctx -> {
            var policy = ctx.getBean(RetentionProperties.class).policy();
            assertThat(policy.periodFor(RecordClass.CUSTOMER_IDENTITY).years()).isEqualTo(10);
            assertThat(policy.periodFor(RecordClass.CUSTOMER_IDENTITY).rule()).isEqualTo("AML-LAW-2025");
            assertThat(policy.periodFor(RecordClass.TRANSACTION).years()).isEqualTo(10);
        });
    }

    @Test
    void refusesToStartWithAPolicyBelowFiveYears() {
        runner.withPropertyValues("kyc.retention.profiles[default][0].name=PBOC-2022-Art44",
                "kyc.retention.profiles[default][0].record-class=CUSTOMER_IDENTITY",
                "kyc.retention.profiles[default][0].years=3").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessageContaining("PBOC-2022-Art44")
                    .hasMessageContaining("3 years")
                    .hasMessageContaining("below the five-year minimum");
        });
    }

    @Test
    void refusesToStartWithAnUnknownProfile() {
        runner.withPropertyValues("kyc.retention.profile=NOPE").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("'NOPE' is not one of"));
    }
}
