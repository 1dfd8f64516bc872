package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcAccessLog implements AccessLog {

    private static final java.util.List<String> ROLE_ORDER =
            java.util.List.of("SECURITY_ADMIN", "AUDITOR", "COMPLIANCE", "SUPERVISOR", "TELLER");

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AccessEvent event) {
        insert(event);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendIndependently(AccessEvent event) {
        insert(event);
    }

    private void insert(AccessEvent event) {
        RequestMetadata meta = RequestMetadata.current();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean known = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        String actor = known ? auth.getName() : "anonymous";
        String role = known ? primaryRole(auth) : "NONE";
        jdbc.sql("""
                insert into access_events (at, actor, actor_role, action, customer_id, purpose, outcome,
                                           client_address, request_id, detail)
                values (:at, :actor, :role, :action, :customerId, :purpose, :outcome, :client, :requestId, :detail)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", truncate(actor, 64))
                .param("role", role)
                .param("action", event.action())
                .param("customerId", event.customerId())
                .param("purpose", truncate(event.purpose(), 200))
                .param("outcome", event.outcome().name())
                .param("client", truncate(meta.clientAddress(), 64))
                .param("requestId", meta.requestId())
                .param("detail", truncate(event.detail(), 200))
                .update();
    }

    private static String primaryRole(Authentication auth) {
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        return ROLE_ORDER.stream().filter(roles::contains).findFirst().orElse("NONE");
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
