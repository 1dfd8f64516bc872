package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.shared.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Two filter chains: the stateless API (HTTP Basic, no session, no CSRF because no cookie
 * authenticates it) and everything else (form login with CSRF for the web UI, its own /login page,
 * logout, session timeout from server.servlet.session.timeout). Both deny by default and share one
 * authentication provider, which locks a user name after repeated failures (policies/login.yml). On both, every
 * authenticated request is checked against the user's stored state (ActiveAccountFilter): a disabled user's
 * session ends on its next request, on every node.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint entryPoint, AccessDeniedHandler denied,
                            AccountStates states, AccessLog accessLog, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(new ActiveAccountFilter(states, accessLog, problems), AuthorizationFilter.class)
                // roles that may never write there are refused before a body is read (WriteGate)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(writes("/api/v1/me/**")).authenticated()
                        .requestMatchers(writes("/api/v1/admin/**")).hasRole(Roles.SECURITY_ADMIN)
                        .requestMatchers(writes("/api/**")).access(new WriteGate())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    private static RequestMatcher writes(String pattern) {
        return new OrRequestMatcher(Stream.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                .map(m -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(m, pattern)).toList());
    }

    /** Pages the browser may load before signing in: the login form and its static assets. */
    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/favicon.ico"};

    @Bean
    @Order(2)
    SecurityFilterChain rest(HttpSecurity http, AuthenticationEntryPoint entryPoint, AccessDeniedHandler denied,
                             AccessLog accessLog, AccountStates states, ProblemResponses problems) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                accessLog.appendIndependently(new AccessEvent("LOGIN", null, null, Outcome.SUCCESS, "form"));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        signedIn.setDefaultTargetUrl("/");
        http.addFilterBefore(new ActiveAccountFilter(states, accessLog, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.SECURITY_ADMIN)
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .formLogin(f -> f.loginPage("/login").successHandler(signedIn).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                + "form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new PasswordHashes();
    }

    /**
     * Spring Security's firewall, allowing what real clients send in header values: raw UTF-8 (read by the
     * container as ISO-8859-1, so C1 code points appear) and RFC 8187 text; still no C0 controls or DEL.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(v -> v.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7F));
        return firewall;
    }

    /** Every firewall refusal ("..", "%2F", "%00", ";" in the path, a bad header) is a 400 problem+json. */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, e) -> Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "rejected",
                "Bad request", "The request was refused before it reached the service"), json);
    }

    /** Stored user state (enabled, roles) checked on every signed-in request: a disabled user's session ends at once. */
    @Bean
    AccountStates accountStates(JdbcClient jdbc, Clock clock, SessionCheckPolicy policy) {
        return new AccountStates(jdbc, clock, policy);
    }

    @Bean
    LoginLockout loginLockout(LockoutPolicy lockout, Clock clock, JdbcClient jdbc, BlindIndex index,
                              PlatformTransactionManager transactions) {
        return new LoginLockout(lockout, clock, jdbc, index, transactions);
    }

    @Bean
    LockingAuthenticationProvider authenticationProvider(JdbcUserDetailsManager users, PasswordEncoder encoder,
                                                         LoginLockout lockout, AccessLog accessLog) {
        DaoAuthenticationProvider dao = PasswordHashes.provider(users, encoder);
        CachingAuthenticationProvider cached = new CachingAuthenticationProvider(dao, Duration.ofMinutes(2));
        return new LockingAuthenticationProvider(cached, lockout, accessLog, users);
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
