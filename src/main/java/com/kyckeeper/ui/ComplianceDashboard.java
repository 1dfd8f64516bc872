package com.kyckeeper.ui;

import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.customer.ReverificationDue;
import com.kyckeeper.security.Roles;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.transaction.CasePage;
import com.kyckeeper.transaction.CaseQuery;
import com.kyckeeper.transaction.CaseStatus;
import com.kyckeeper.transaction.CashTransactions;
import com.kyckeeper.transaction.DueDiligence;
import com.kyckeeper.transaction.DueDiligenceCase;
import com.kyckeeper.transaction.ReportableEvent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The compliance start page: large-value events per day (last 30 days), open due-diligence cases by
 * age and re-verifications due, each as a server-rendered SVG bar chart with a table alternative.
 */
@Controller
class ComplianceDashboard {

    static final int DAYS = 30;
    static final int DUE_WITHIN = 90;
    private final CashTransactions transactions;
    private final DueDiligence dueDiligence;
    private final CustomerRegistry registry;
    private final BusinessClock clock;
    private final org.springframework.context.MessageSource messages;

    ComplianceDashboard(CashTransactions transactions, DueDiligence dueDiligence, CustomerRegistry registry,
                        BusinessClock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.transactions = transactions;
        this.dueDiligence = dueDiligence;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/compliance")
    String dashboard(Model model, java.util.Locale locale) {
        Permissions.requireAny(Roles.COMPLIANCE);
        LocalDate today = clock.today();
        LocalDate from = today.minusDays(DAYS - 1);

        Map<LocalDate, Long> perDay = transactions.reportableEvents(from, today).stream()
                .collect(Collectors.groupingBy(ReportableEvent::businessDay, TreeMap::new, Collectors.counting()));
        List<BarChart.Point> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            days.add(new BarChart.Point(d.toString().substring(5), perDay.getOrDefault(d, 0L)));
        }
        model.addAttribute("largeValue", BarChart.of("chart-large-value", days, 720, 220, 5));

        CasePage openPage = dueDiligence.cases(CaseQuery.of(CaseStatus.OPEN));
        List<DueDiligenceCase> open = openPage.cases();
        model.addAttribute("openCases", openPage.total());
        model.addAttribute("cases", BarChart.of("chart-cases", buckets(open,
                c -> ChronoUnit.DAYS.between(c.openedAt().toLocalDate(), today),
                new long[] {1, 3, 7}, new String[] {"0–1", "2–3", "4–7", "8+"}), 340, 200, 1));

        List<ReverificationDue> due = registry.reverificationDue(DUE_WITHIN);
        model.addAttribute("dueCount", due.size());
        model.addAttribute("due", BarChart.of("chart-due", buckets(due,
                r -> r.expired() ? -1 : ChronoUnit.DAYS.between(today, r.documentExpiresOn()),
                new long[] {-1, 7, 30}, new String[] {messages.getMessage("dash.expired", null, locale), "0–7", "8–30", "31–90"}), 340, 200, 1));
        model.addAttribute("from", from);
        model.addAttribute("today", today);
        model.addAttribute("dueWithin", DUE_WITHIN);
        return "compliance/dashboard";
    }

    /** Counts per bucket: bucket i holds values up to {@code limits[i]}, the last one everything above. */
    static <T> List<BarChart.Point> buckets(List<T> items, Function<T, Long> measure, long[] limits, String[] labels) {
        long[] counts = new long[labels.length];
        for (T item : items) {
            long v = measure.apply(item);
            int i = 0;
            while (i < limits.length && v > limits[i]) {
                i++;
            }
            counts[i]++;
        }
        List<BarChart.Point> points = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            points.add(new BarChart.Point(labels[i], counts[i]));
        }
        return points;
    }
}
