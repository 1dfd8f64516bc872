package com.kyckeeper.retention.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The purge as a Quartz job. Clustered JDBC job store: each firing runs on exactly one node, and
 * {@link DisallowConcurrentExecution} keeps two runs from overlapping anywhere in the cluster.
 * Fired by the daily cron trigger (no run id: the run is created for the fire time) or by a manual
 * request (run id in the job data).
 */
@DisallowConcurrentExecution
class PurgeJob extends QuartzJobBean {

    static final String RUN_ID = "runId";
    private final PurgeExecutor executor;

    PurgeJob(PurgeExecutor executor) {
        this.executor = executor;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String node;
        try {
            node = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            node = "unknown";
        }
        String runId = context.getMergedJobDataMap().getString(RUN_ID);
        if (runId != null) {
            executor.execute(runId, node);
        } else {
            executor.runScheduled(context.getScheduledFireTime().toInstant(), node);
        }
    }
}
