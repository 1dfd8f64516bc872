package com.kyckeeper.retention.internal;

import com.kyckeeper.shared.BusinessClock;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the purge job and its daily cron trigger in the shared job store, once for the cluster.
 * A node that starts leaves an identical trigger alone: replacing it (Spring's overwrite-existing-jobs)
 * resets its next fire time, and the clustered test caught a second node firing the same minute again.
 * Only a changed cron or zone in the policy reschedules it.
 */
@Component
class PurgeSchedule implements ApplicationRunner {

    static final TriggerKey DAILY = TriggerKey.triggerKey("retention-purge-daily", "retention");
    private static final Logger log = LoggerFactory.getLogger(PurgeSchedule.class);

    private final Scheduler scheduler;
    private final RetentionProperties properties;
    private final BusinessClock clock;

    PurgeSchedule(Scheduler scheduler, RetentionProperties properties, BusinessClock clock) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        // Durable, and re-run on another node if the node running it dies (Quartz cluster recovery).
        JobDetail job = JobBuilder.newJob(PurgeJob.class).withIdentity(RetentionConfiguration.PURGE_JOB)
                .storeDurably().requestRecovery()
                .withDescription("Retention purge: crypto-shreds and deletes customers whose retention has run").build();
        try {
            if (!scheduler.checkExists(RetentionConfiguration.PURGE_JOB)) {
                scheduler.addJob(job, false);
            }
        } catch (ObjectAlreadyExistsException raced) {
            // another node registered it at the same moment
        }
        String cron = properties.purge().cron();
        TimeZone zone = TimeZone.getTimeZone(clock.zone());
        Trigger desired = TriggerBuilder.newTrigger().forJob(RetentionConfiguration.PURGE_JOB).withIdentity(DAILY)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger existing = scheduler.getTrigger(DAILY);
        if (existing == null) {
            try {
                scheduler.scheduleJob(desired);
                log.info("Retention purge scheduled: '{}' ({})", cron, zone.getID());
            } catch (ObjectAlreadyExistsException raced) {
                // another node scheduled it at the same moment
            }
        } else if (!(existing instanceof CronTrigger c && c.getCronExpression().equals(cron)
                && c.getTimeZone().getID().equals(zone.getID()))) {
            scheduler.rescheduleJob(DAILY, desired);
            log.info("Retention purge rescheduled: '{}' ({})", cron, zone.getID());
        }
    }
}
