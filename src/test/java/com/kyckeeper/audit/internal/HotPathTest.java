package com.kyckeeper.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The per-event helpers of the append path (the database side is covered by AuditContract). */
class HotPathTest {

    @Test
    void theMostPrivilegedRoleIsRecordedWhateverTheOrderOfAuthorities() {
        assertThat(JdbcAccessLog.primaryRole(user("ROLE_TELLER", "ROLE_COMPLIANCE", "SCOPE_x"))).isEqualTo("COMPLIANCE");
        assertThat(JdbcAccessLog.primaryRole(user("ROLE_AUDITOR", "ROLE_SECURITY_ADMIN"))).isEqualTo("SECURITY_ADMIN");
        assertThat(JdbcAccessLog.primaryRole(user("ROLE_SUPERVISOR"))).isEqualTo("SUPERVISOR");
        assertThat(JdbcAccessLog.primaryRole(user("TELLER", "ROLE_teller"))).isEqualTo("NONE");
        assertThat(JdbcAccessLog.primaryRole(user())).isEqualTo("NONE");
    }

    @Test
    void eventIdsAreUniqueVersion7UuidsOrderedByTheirMillisecond() throws InterruptedException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(JdbcAccessLog.eventId())).isTrue();
        }
        String first = JdbcAccessLog.eventId();
        Thread.sleep(3);
        String later = JdbcAccessLog.eventId();
        UUID u = UUID.fromString(first);
        assertThat(u.version()).isEqualTo(7);
        assertThat(u.variant()).isEqualTo(2);
        assertThat(first.length()).isEqualTo(36);
        assertThat(later.compareTo(first)).isPositive();
        assertThat(u.getMostSignificantBits() >>> 16).isBetween(System.currentTimeMillis() - 60_000,
                System.currentTimeMillis());
    }

    private static UsernamePasswordAuthenticationToken user(String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated("u", null,
                List.of(authorities).stream().map(SimpleGrantedAuthority::new).toList());
    }
}
