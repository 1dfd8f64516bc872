package com.kyckeeper.retention.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.retention.PurgeCertificate;
import com.kyckeeper.retention.PurgeRun;
import com.kyckeeper.retention.PurgeRuns;
import com.kyckeeper.retention.RetentionPolicy;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.NotFoundException;
import java.io.OutputStream;
import java.util.UUID;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

@Service
class PurgeRunService implements PurgeRuns {

    private final PurgeRunStore runs;
    private final Scheduler scheduler;
    private final RetentionPolicy policy;
    private final BusinessClock clock;
    private final AccessLog accessLog;
    private final ObjectMapper mapper;

    PurgeRunService(PurgeRunStore runs, Scheduler scheduler, RetentionPolicy policy, BusinessClock clock,
                    AccessLog accessLog, ObjectMapper mapper) {
        this.mapper = mapper;
        this.runs = runs;
        this.scheduler = scheduler;
        this.policy = policy;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public PurgeRun request(boolean dryRun) {
        String id = UUID.randomUUID().toString();
        runs.create(id, "MANUAL", dryRun, policy.profile(), clock.today(), CurrentActor.get().username(), null);
        accessLog.append(new AccessEvent("PURGE_RUN_REQUEST", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "run " + id + (dryRun ? " dry run" : "")));
        // Fired after commit, so the scheduler (woken at once) sees the run; one node of the cluster executes it.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    scheduler.triggerJob(RetentionConfiguration.PURGE_JOB,
                            new JobDataMap(java.util.Map.of(PurgeJob.RUN_ID, id)));
                } catch (SchedulerException e) {
                    throw new IllegalStateException("Could not queue purge run " + id, e);
                }
            }
        });
        return runs.find(id).orElseThrow();
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('COMPLIANCE','AUDITOR')")
    public PurgeRun get(String runId) {
        PurgeRun run = runs.find(runId).orElseThrow(() -> new NotFoundException("Purge run"));
        accessLog.append(new AccessEvent("PURGE_RUN_READ", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "run " + runId));
        return run;
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('COMPLIANCE','AUDITOR')")
    public PurgeCertificate certificate(String runId) {
        PurgeRun run = completedRun(runId);
        accessLog.append(new AccessEvent("PURGE_CERTIFICATE_READ", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "run " + runId));
        boolean verified = runs.digest(run).equals(run.digest());
        return new PurgeCertificate(run, runs.entries(runId, "PURGED"), runs.entries(runId, "HELD"),
                runs.entries(runId, "ERROR"), "SHA-256", run.digest(), verified);
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('COMPLIANCE','AUDITOR')")
    public java.util.List<PurgeRun> recent(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new com.kyckeeper.shared.InvalidInputException("limit", "must be between 1 and 1000");
        }
        java.util.List<PurgeRun> found = runs.recent(limit);
        accessLog.append(new AccessEvent("PURGE_RUN_LIST", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "results: " + found.size()));
        return found;
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('COMPLIANCE','AUDITOR')")
    public void writeCertificate(String runId, OutputStream out) {
        PurgeRun run = completedRun(runId);
        accessLog.append(new AccessEvent("PURGE_CERTIFICATE_READ", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "run " + runId));
        boolean verified = runs.digest(run).equals(run.digest()); // a streaming pass over the entries
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writePOJOProperty("run", run);
            for (String[] list : new String[][] {{"purgedCustomerIds", "PURGED"}, {"heldCustomerIds", "HELD"},
                    {"errorCustomerIds", "ERROR"}}) {
                json.writeName(list[0]);
                json.writeStartArray();
                runs.forEachEntry(runId, list[1], json::writeString);
                json.writeEndArray();
            }
            json.writeStringProperty("digestAlgorithm", "SHA-256");
            json.writeStringProperty("digest", run.digest());
            json.writeBooleanProperty("verified", verified);
            json.writeEndObject();
        }
    }

    private PurgeRun completedRun(String runId) {
        PurgeRun run = runs.find(runId).orElseThrow(() -> new NotFoundException("Purge run"));
        if (!PurgeRunStore.COMPLETED.equals(run.status())) {
            throw new com.kyckeeper.shared.ConflictException("The run has not completed: no certificate yet");
        }
        return run;
    }
}
