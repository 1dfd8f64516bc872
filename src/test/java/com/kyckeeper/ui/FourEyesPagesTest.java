package com.kyckeeper.ui;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.ApiTestBase;
import com.kyckeeper.support.Databases;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12 point 4 through the pages: one compliance officer cannot release the legal hold they placed, nor
 * approve their own archive loan (a legacy account holding TELLER and COMPLIANCE); a crafted post is the 403 page
 * and changes nothing.
 */
class FourEyesPagesTest extends ApiTestBase {

    @Autowired
    PasswordEncoder encoder;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    private String closedCustomer() {
        String id = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true)).json()
                .get("id").asString();
        String today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
        assertThat(api.as("teller2").post("/api/v1/customers/" + id + "/closure", Map.of("endedOn", today)).status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void theOfficerWhoPlacedAHoldCannotReleaseItThroughThePage() {
        String customer = closedCustomer();
        WebSession placer = new WebSession(port).login("compliance1", Databases.PASSWORD);
        placer.get("/compliance/legal-holds");
        placer.post("/compliance/legal-holds", Map.of("customerId", customer, "reason", "investigation",
                "caseReference", "STR-1"));
        String hold = jdbc.sql("select id from legal_holds where customer_id = ?").param(customer)
                .query(String.class).single();
        placer.get("/compliance/legal-holds");
        assertThat(placer.post("/compliance/legal-holds/" + hold + "/release", Map.of()).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from legal_holds where id = ? and released_at is null").param(hold)
                .query(Long.class).single()).isEqualTo(1);
        WebSession other = new WebSession(port).login("compliance2", Databases.PASSWORD);
        other.get("/compliance/legal-holds");
        assertThat(other.post("/compliance/legal-holds/" + hold + "/release", Map.of()).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select released_by from legal_holds where id = ?").param(hold).query(String.class).single())
                .isEqualTo("compliance2");
    }

    @Test
    void aRequesterHoldingComplianceTooCannotApproveTheirOwnLoanThroughThePage() {
        jdbc.sql("insert into app_users (username, password, enabled) values ('legacy-pages', ?, ?)")
                .params(encoder.encode(Databases.PASSWORD), true).update();
        jdbc.sql("insert into app_user_roles (username, authority) values ('legacy-pages', 'ROLE_TELLER')").update();
        jdbc.sql("insert into app_user_roles (username, authority) values ('legacy-pages', 'ROLE_COMPLIANCE')").update();
        String customer = closedCustomer();
        WebSession dual = new WebSession(port).login("legacy-pages", Databases.PASSWORD);
        dual.get("/archive-access");
        dual.post("/archive-access", Map.of("customerId", customer, "purpose", "loan dispute"));
        String request = jdbc.sql("select id from archive_access_requests where customer_id = ?").param(customer)
                .query(String.class).single();
        dual.get("/compliance/archive-access");
        assertThat(dual.post("/compliance/archive-access/" + request + "/decision", Map.of("decision", "APPROVE"))
                .statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select status from archive_access_requests where id = ?").param(request)
                .query(String.class).single()).isEqualTo("PENDING");
    }
}
