package com.kyckeeper.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's users (api.md), created already approved (no four eyes, no forced password change; two
 * security administrators so that approvals can be tried): created or reset at start-up with {@code KYC_DEMO_PASSWORD},
 * or with one random password announced once. Outside the demo profile this bean does not exist.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger("kyc.demo");

    static final Map<String, List<String>> USERS = Map.of(
            "teller1", List.of(Roles.TELLER),
            "teller2", List.of(Roles.TELLER),
            "supervisor1", List.of(Roles.SUPERVISOR),
            "compliance1", List.of(Roles.COMPLIANCE),
            "compliance2", List.of(Roles.COMPLIANCE),
            "auditor1", List.of(Roles.AUDITOR),
            "admin1", List.of(Roles.SECURITY_ADMIN),
            "admin2", List.of(Roles.SECURITY_ADMIN),
            "manager1", List.of(Roles.SENIOR_MANAGER));

    private final JdbcUserDetailsManager users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    DemoUsers(JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder encoder,
              @Value("${KYC_DEMO_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        String hash = encoder.encode(password);
        USERS.forEach((name, roles) -> {
            var user = User.withUsername(name).password(hash).roles(roles.toArray(String[]::new)).build();
            if (users.userExists(name)) {
                users.updateUser(user);
            } else {
                users.createUser(user);
            }
            // Created already approved, and with no forced change of the shared demo password (api.md).
            jdbc.sql("update app_users set must_change_password = ? where username = ?").params(false, name).update();
        });
        if (generated) {
            log.warn("""

                    ==================================================================
                     DEMO PROFILE: demo users {} share the generated password
                         {}
                     Set KYC_DEMO_PASSWORD to choose it. Never use the demo profile in production.
                    ==================================================================""",
                    USERS.keySet().stream().sorted().toList(), password);
        } else {
            log.warn("DEMO PROFILE: demo users use the password from KYC_DEMO_PASSWORD. Never use it in production.");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
