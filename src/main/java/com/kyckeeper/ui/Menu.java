package com.kyckeeper.ui;

import com.kyckeeper.security.Actor;
import com.kyckeeper.security.Roles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each role sees only its own pages. Entries are message keys and paths; the pages re-check permission. */
final class Menu {

    record Entry(String label, String path) {
    }

    private static final Map<String, List<Entry>> BY_ROLE = Map.of(
            Roles.TELLER, List.of(
                    new Entry("menu.registerIndividual", "/customers/new/individual"),
                    new Entry("menu.registerCompany", "/customers/new/company"),
                    new Entry("menu.search", "/customers/search"),
                    new Entry("menu.due", "/customers/reverification-due"),
                    new Entry("menu.cash", "/cash/new"),
                    new Entry("menu.archiveAccess", "/archive-access")),
            Roles.SUPERVISOR, List.of(
                    new Entry("menu.queue", "/verification"),
                    new Entry("menu.search", "/customers/search"),
                    new Entry("menu.due", "/customers/reverification-due"),
                    new Entry("menu.archiveAccess", "/archive-access")),
            Roles.COMPLIANCE, List.of(
                    new Entry("menu.dashboard", "/compliance"),
                    new Entry("menu.search", "/customers/search"),
                    new Entry("menu.due", "/customers/reverification-due"),
                    new Entry("menu.cases", "/due-diligence/cases"),
                    new Entry("menu.largeValue", "/reports/large-value"),
                    new Entry("menu.archiveApprovals", "/compliance/archive-access"),
                    new Entry("menu.legalHolds", "/compliance/legal-holds"),
                    new Entry("menu.retentionReport", "/compliance/retention-report"),
                    new Entry("menu.purgeRuns", "/purge-runs"),
                    new Entry("menu.fxRates", "/compliance/fx-rates")),
            Roles.AUDITOR, List.of(
                    new Entry("menu.accessLog", "/audit/access-log"),
                    new Entry("menu.integrity", "/audit/integrity"),
                    new Entry("menu.purgeRuns", "/purge-runs")),
            Roles.SECURITY_ADMIN, List.of(
                    new Entry("menu.users", "/admin/users"),
                    new Entry("menu.keys", "/admin/keys")));

    private Menu() {
    }

    static List<Entry> of(Actor actor) {
        Set<Entry> entries = new LinkedHashSet<>();
        for (String role : Roles.ALL) {
            if (actor.has(role)) {
                entries.addAll(BY_ROLE.getOrDefault(role, List.of()));
            }
        }
        return new ArrayList<>(entries);
    }
}
