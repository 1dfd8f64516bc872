package com.kyckeeper.retention.internal;

import com.kyckeeper.retention.RecordClass;
import com.kyckeeper.retention.RetainedRecords;
import com.kyckeeper.retention.RetentionPeriod;
import com.kyckeeper.retention.RetentionPolicy;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * policies/retention.yml. Checked on binding: a profile that does not exist, a class without a rule,
 * a bad cron, or any rule below the five-year floor stops the service from starting, with a message
 * naming the rule.
 */
@ConfigurationProperties("kyc.retention")
record RetentionProperties(String profile, Map<String, List<Rule>> profiles, Purge purge) {

    record Rule(String name, RecordClass recordClass, int years) {
    }

    record Purge(String cron, int batchSize, int workers) {
    }

    RetentionProperties {
        if (profiles == null || profiles.isEmpty()) {
            throw new IllegalArgumentException("kyc.retention.profiles: no retention profile is defined");
        }
        if (profile == null || !profiles.containsKey(profile)) {
            throw new IllegalArgumentException("kyc.retention.profile: '" + profile + "' is not one of "
                    + profiles.keySet());
        }
        profiles.forEach((name, rules) -> {
            for (Rule r : rules) {
                if (r.name() == null || r.name().isBlank() || r.recordClass() == null) {
                    throw new IllegalArgumentException("Retention profile '" + name
                            + "': every rule needs a name and a record-class");
                }
                if (r.years() < RetentionPolicy.FLOOR_YEARS) {
                    throw new IllegalArgumentException("Retention rule '" + r.name() + "' in profile '" + name
                            + "' keeps " + r.recordClass() + " records for " + r.years()
                            + " years: below the five-year minimum no policy may undercut (domain.md §4)");
                }
            }
        });
        if (purge == null || purge.cron() == null || !CronExpression.isValidExpression(purge.cron())) {
            throw new IllegalArgumentException("kyc.retention.purge.cron: not a valid Quartz cron expression");
        }
        if (purge.batchSize() < 1 || purge.batchSize() > RetainedRecords.MAX_BATCH || purge.workers() < 1
                || purge.workers() > 64) {
            throw new IllegalArgumentException("kyc.retention.purge: batch-size must be 1.." + RetainedRecords.MAX_BATCH
                    + " and workers 1..64");
        }
        profiles.keySet().forEach(name -> policy(profiles, name));
    }

    /** The selected profile as a policy object: per class, the longest of its rules. */
    RetentionPolicy policy() {
        return policy(profiles, profile);
    }

    private static RetentionPolicy policy(Map<String, List<Rule>> profiles, String name) {
        Map<RecordClass, RetentionPeriod> periods = new EnumMap<>(RecordClass.class);
        profiles.get(name).stream()
                .sorted(Comparator.comparingInt(Rule::years).reversed()) // stable: the first listed of equals
                .forEach(r -> periods.putIfAbsent(r.recordClass(),
                        new RetentionPeriod(r.recordClass(), r.years(), r.name())));
        return new RetentionPolicy(name, periods);
    }
}
