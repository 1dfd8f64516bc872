package com.kyckeeper.customer;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts each user's exact-match lookups on this node: per clock minute, per business day, and since
 * the user's last reveal. In memory and per node (a cluster of N nodes lets N times the limit through,
 * which still stops enumeration at scale); counters of a past day are replaced on the next lookup.
 */
@Component
class LookupLimiter {

    /** The answer for one lookup: admitted, with whether it completes a run of lookups that raises an alert. */
    sealed interface Decision {
    }

    record Admitted(boolean alert, int withoutReveal) implements Decision {
    }

    record Refused(String window, Duration retryAfter) implements Decision {
    }

    private static final class Counter {
        long minute = Long.MIN_VALUE;
        int inMinute;
        LocalDate day;
        int inDay;
        int withoutReveal;
    }

    static final String ALERT = "LOOKUP_WITHOUT_REVEAL_ALERT";
    private static final Logger log = LoggerFactory.getLogger(LookupLimiter.class);

    private final LookupPolicy policy;
    private final BusinessClock clock;
    private final AccessLog accessLog;
    private final Map<String, Counter> users = new ConcurrentHashMap<>();

    LookupLimiter(LookupPolicy policy, BusinessClock clock, AccessLog accessLog) {
        this.policy = policy;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /**
     * Admits the current user's lookup or refuses it (429, the refusal logged in a transaction of its
     * own since the caller's rolls back); the lookup that completes a run without reveals raises the alert.
     */
    void admit() {
        String user = CurrentActor.get().username();
        switch (lookup(user)) {
            case Refused r -> {
                accessLog.appendIndependently(new AccessEvent("CUSTOMER_SEARCH", null, null, Outcome.REFUSED,
                        "lookup limit per " + r.window() + " reached"));
                throw new TooManyRequestsException("Too many customer lookups: at most " + (r.window().equals("day")
                        ? policy.perDay() + " per day" : policy.perMinute() + " per minute"), r.retryAfter());
            }
            case Admitted a when a.alert() -> {
                accessLog.append(new AccessEvent(ALERT, null, null, Outcome.SUCCESS,
                        a.withoutReveal() + " exact lookups without a reveal"));
                log.warn("Lookup alert: user {} made {} exact customer lookups without a reveal", user, a.withoutReveal());
            }
            case Admitted a -> {
            }
        }
    }

    void revealed() {
        revealed(CurrentActor.get().username());
    }

    Decision lookup(String user) {
        Instant now = clock.now();
        long minute = now.getEpochSecond() / 60;
        LocalDate today = clock.today();
        Counter c = users.computeIfAbsent(user, u -> new Counter());
        synchronized (c) {
            if (c.minute != minute) {
                c.minute = minute;
                c.inMinute = 0;
            }
            if (!today.equals(c.day)) {
                c.day = today;
                c.inDay = 0;
            }
            if (c.inDay >= policy.perDay()) {
                Instant midnight = today.plusDays(1).atStartOfDay(clock.zone()).toInstant();
                return new Refused("day", Duration.between(now, midnight));
            }
            if (c.inMinute >= policy.perMinute()) {
                return new Refused("minute", Duration.ofSeconds((minute + 1) * 60 - now.getEpochSecond()));
            }
            c.inMinute++;
            c.inDay++;
            c.withoutReveal++;
            boolean alert = c.withoutReveal % policy.alertAfterLookupsWithoutReveal() == 0;
            return new Admitted(alert, c.withoutReveal);
        }
    }

    /** A reveal states a purpose in the access log: lookups before it are accounted for. */
    void revealed(String user) {
        Counter c = users.get(user);
        if (c != null) {
            synchronized (c) {
                c.withoutReveal = 0;
            }
        }
    }
}
