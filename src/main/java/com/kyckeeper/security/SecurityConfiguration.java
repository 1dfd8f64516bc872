package com.kyckeeper.security;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Two filter chains: the stateless API (HTTP Basic, no session, no CSRF because no cookie
 * authenticates it) and everything else (form login with CSRF for the web UI). Both deny by default.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint entryPoint, AccessDeniedHandler denied)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain rest(HttpSecurity http, AuthenticationEntryPoint entryPoint, AccessDeniedHandler denied)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.SECURITY_ADMIN)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .formLogin(f -> f.permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2 for new hashes; the delegating encoder keeps older hashes verifiable.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    CachingAuthenticationProvider authenticationProvider(JdbcUserDetailsManager users, PasswordEncoder encoder) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new CachingAuthenticationProvider(dao, Duration.ofMinutes(2));
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        JdbcUserDetailsManager users = new JdbcUserDetailsManager(dataSource);
        users.setUsersByUsernameQuery("select username, password, enabled from app_users where username = ?");
        users.setAuthoritiesByUsernameQuery("select username, authority from app_user_roles where username = ?");
        users.setUserExistsSql("select count(*) from app_users where username = ?");
        users.setCreateUserSql("insert into app_users (username, password, enabled) values (?,?,?)");
        users.setCreateAuthoritySql("insert into app_user_roles (username, authority) values (?,?)");
        users.setUpdateUserSql("update app_users set password = ?, enabled = ? where username = ?");
        users.setDeleteUserAuthoritiesSql("delete from app_user_roles where username = ?");
        users.setDeleteUserSql("delete from app_users where username = ?");
        users.setChangePasswordSql("update app_users set password = ? where username = ?");
        return users;
    }
}
