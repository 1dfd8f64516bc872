package com.kyckeeper.retention.internal;

import static com.kyckeeper.support.Identities.individual;
import static com.kyckeeper.support.Identities.residentId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.KycKeeperApplication;
import com.kyckeeper.support.Api;
import com.kyckeeper.support.Databases;
import com.kyckeeper.support.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two service instances (two Spring contexts, two Quartz schedulers) on one PostgreSQL database,
 * with the purge cron firing every two seconds: each firing runs on exactly one node.
 */
class ClusteredPurgeTest {

    record Execution(String node, Date scheduledFireTime, String runId) {
    }

    @Test
    void twoNodesOnOneDatabaseRunEachScheduledPurgeOnceNotTwice() throws Exception {
        String url = PostgresServer.get().createDatabase("kyc_cluster_" + System.nanoTime() % 1_000_000);
        Path dataDir = Files.createTempDirectory("kyc-cluster"); // one KEK for both nodes, as one keystore in production
        List<Execution> executions = EXECUTIONS;
        executions.clear();
        try (ConfigurableApplicationContext a = node(url, dataDir, executions);
             ConfigurableApplicationContext b = node(url, dataDir, executions)) {
            assertThat(a.getBean(Scheduler.class).getSchedulerInstanceId())
                    .isNotEqualTo(b.getBean(Scheduler.class).getSchedulerInstanceId());
            Api apiA = new Api(Integer.parseInt(a.getEnvironment().getProperty("local.server.port")));
            Api apiB = new Api(Integer.parseInt(b.getEnvironment().getProperty("local.server.port")));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Api api = i % 2 == 0 ? apiA : apiB;
                String id = api.as("teller1").post("/api/v1/customers", individual(residentId(true), true))
                        .json().get("id").asString();
                assertThat(api.as("compliance1").post("/api/v1/customers/" + id + "/closure",
                        Map.of("endedOn", "2020-06-15")).status()).isEqualTo(200);
                ids.add(id);
            }
            long until = System.currentTimeMillis() + 14_000;
            while (System.currentTimeMillis() < until) {
                Thread.sleep(250);
            }
            a.getBean(Scheduler.class).standby();
            b.getBean(Scheduler.class).standby();
            Thread.sleep(1500); // let a run in progress finish

            JdbcClient jdbc = a.getBean(JdbcClient.class);
            Set<Date> fireTimes = ConcurrentHashMap.newKeySet();
            executions.forEach(e -> fireTimes.add(e.scheduledFireTime()));
            assertThat(fireTimes.size()).as("firings seen").isGreaterThanOrEqualTo(4);
            assertThat(executions).as("one execution per firing, across both nodes").hasSize(fireTimes.size());
            long scheduledRuns = jdbc.sql("select count(*) from purge_runs where run_trigger = 'SCHEDULED'")
                    .query(Long.class).single();
            long distinctFirings = jdbc.sql("select count(distinct fired_at) from purge_runs where run_trigger = 'SCHEDULED'")
                    .query(Long.class).single();
            assertThat(scheduledRuns).as("one run per firing").isEqualTo(distinctFirings).isEqualTo(fireTimes.size());
            assertThat(executions.stream().map(Execution::node).distinct().count()).as("nodes").isBetween(1L, 2L);
            assertThat(jdbc.sql("select coalesce(sum(purged), 0) from purge_runs").query(Long.class).single())
                    .as("each customer purged once in all runs together").isEqualTo(ids.size());
            assertThat(jdbc.sql("select count(*) from customer_tombstones").query(Long.class).single())
                    .isEqualTo(ids.size());
            assertThat(jdbc.sql("select count(*) from customers").query(Long.class).single()).isZero();
            System.out.println("Cluster purge executions: " + executions);
        }
    }

    static final List<Execution> EXECUTIONS = new CopyOnWriteArrayList<>();

    /** Registered before the scheduler starts, so every firing on the node is seen. Not component-scanned. */
    static class RecordExecutions {
        @Bean
        SchedulerFactoryBeanCustomizer recordExecutions() {
            return factory -> factory.setGlobalJobListeners(new JobListener() {
                @Override
                public String getName() {
                    return "test-executions";
                }

                @Override
                public void jobToBeExecuted(JobExecutionContext context) {
                    if (context.getMergedJobDataMap().getString(PurgeJob.RUN_ID) == null) {
                        try {
                            EXECUTIONS.add(new Execution(context.getScheduler().getSchedulerInstanceId(),
                                    context.getScheduledFireTime(), null));
                        } catch (org.quartz.SchedulerException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }

                @Override
                public void jobExecutionVetoed(JobExecutionContext context) {
                }

                @Override
                public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                }
            });
        }
    }

    private static ConfigurableApplicationContext node(String url, Path dataDir, List<Execution> executions)
            throws Exception {
        // Command-line arguments: they outrank policies/retention.yml (builder default properties would not).
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KycKeeperApplication.class, RecordExecutions.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--kyc.data-dir=" + dataDir,
                        "--KYC_DEMO_PASSWORD=" + Databases.PASSWORD,
                        "--kyc.retention.purge.cron=0/2 * * * * ?",
                        "--spring.quartz.properties[org.quartz.jobStore.clusterCheckinInterval]=1000");
        return ctx;
    }
}
