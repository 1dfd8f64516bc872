package com.kyckeeper.retention.internal;

import com.kyckeeper.retention.RetentionPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy in force, and Quartz on PostgreSQL. The purge job and its schedule: {@link PurgeSchedule}. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    static final JobKey PURGE_JOB = JobKey.jobKey("retention-purge", "retention");
    private static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";
    private static final Logger log = LoggerFactory.getLogger(RetentionConfiguration.class);

    @Bean
    RetentionPolicy retentionPolicy(RetentionProperties properties) {
        RetentionPolicy policy = properties.policy();
        log.info("Retention profile {}: {}", policy.profile(), policy.periods().values());
        return policy;
    }

    /**
     * Quartz's standard delegate cannot read PostgreSQL's BYTEA columns: on PostgreSQL use its delegate
     * even where the postgres profile (which sets it too) is not active, as in tests.
     */
    @Bean
    SchedulerFactoryBeanCustomizer postgresQuartzDelegate(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            if (quartz.getProperties().containsKey(DELEGATE) || !isPostgres(dataSource)) {
                return;
            }
            Properties props = new Properties();
            props.putAll(quartz.getProperties());
            props.put(DELEGATE, "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            factory.setQuartzProperties(props);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database product name", e);
        }
    }
}
