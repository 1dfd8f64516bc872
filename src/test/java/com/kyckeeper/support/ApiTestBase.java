package com.kyckeeper.support;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random loopback port, with the demo users (password
 * {@link Databases#PASSWORD}) and a movable clock. Subclasses choose the database with a
 * {@code @DynamicPropertySource} calling {@link Databases}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(ApiTestBase.TestClock.class)
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;
    protected Api api;
    protected static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @BeforeEach
    void startApi() {
        api = new Api(port);
        clock.reset();
    }

    /** Today in the business zone by the service's own clock, never the machine's date. */
    protected LocalDate businessToday() {
        return LocalDate.now(clock.withZone(BUSINESS_ZONE));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
