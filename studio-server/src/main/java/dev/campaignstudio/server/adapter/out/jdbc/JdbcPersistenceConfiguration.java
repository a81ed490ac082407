package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.callback.DeliveryPolicy;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.port.out.DeliveryStore;
import dev.campaignstudio.core.port.out.EventLog;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.StepStore;
import dev.campaignstudio.core.port.out.Transactions;
import dev.campaignstudio.server.callback.DeliverySignal;
import dev.campaignstudio.server.engine.DispatchOutbox;
import dev.campaignstudio.server.engine.DispatchSignal;
import dev.campaignstudio.server.engine.QueueBacklog;
import dev.campaignstudio.server.observability.JobTracing;
import dev.campaignstudio.server.retention.RetentionStore;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** JDBC adapters of the persistence ports, on whichever database the data source points at (H2 or PostgreSQL). */
@Configuration(proxyBeanMethods = false)
public class JdbcPersistenceConfiguration {

    @Bean
    JobRepository jobRepository(
            JdbcClient jdbc,
            DataSource dataSource,
            JobRequestReader reader,
            ObjectProvider<JobTracing> tracing,
            JdbcJobTraceParents parents) {
        return new JdbcJobRepository(
                jdbc,
                SqlDialect.of(dataSource),
                reader,
                () -> tracing.getIfAvailable() == null
                        ? null
                        : tracing.getIfAvailable().current(),
                parents);
    }

    @Bean
    EventLog eventLog(
            JdbcClient jdbc,
            DataSource dataSource,
            Clock clock,
            DeliveryPolicy deliveryPolicy,
            DeliverySignal deliverySignal) {
        return new JdbcEventLog(
                jdbc, SqlDialect.of(dataSource), clock, deliveryPolicy.horizon(), deliverySignal::nudge);
    }

    @Bean
    DeliveryStore deliveryStore(
            JdbcClient jdbc, PlatformTransactionManager transactionManager, JobRequestReader reader) {
        return new JdbcDeliveryStore(jdbc, new TransactionTemplate(transactionManager), reader);
    }

    @Bean
    RetentionStore retentionStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        return new JdbcRetentionStore(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    JdbcJobTraceParents jobTraceParents(JdbcClient jdbc) {
        return new JdbcJobTraceParents(jdbc);
    }

    @Bean
    QueueBacklog queueBacklog(JdbcClient jdbc, Clock clock) {
        return new JdbcQueueBacklog(jdbc, clock);
    }

    @Bean
    AssetRepository assetRepository(JdbcClient jdbc) {
        return new JdbcAssetRepository(jdbc);
    }

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new JdbcTransactions(new TransactionTemplate(transactionManager));
    }

    @Bean
    StepStore stepStore(JdbcClient jdbc, DataSource dataSource, DispatchSignal signal) {
        return new JdbcStepStore(jdbc, SqlDialect.of(dataSource), signal::nudge);
    }

    @Bean
    CheckpointStore checkpointStore(JdbcClient jdbc) {
        return new JdbcCheckpointStore(jdbc);
    }

    /** The {@code database} health indicator, part of readiness (application.yaml). */
    @Bean
    HealthIndicator databaseHealthIndicator(DataSource dataSource) {
        return new DatabaseHealthIndicator(dataSource, Duration.ofSeconds(5));
    }

    @Bean
    DispatchOutbox dispatchOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        return new JdbcDispatchOutbox(jdbc, new TransactionTemplate(transactionManager));
    }

    /** Builds the adapters on a bare data source, for adapter tests that run without Spring. */
    public static Adapters on(DataSource dataSource, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JobRequestReader reader = new JobRequestReader();
        return new Adapters(
                new JdbcJobRepository(jdbc, SqlDialect.of(dataSource), reader),
                new JdbcEventLog(jdbc, SqlDialect.of(dataSource), clock, DeliveryPolicy.STANDARD.horizon(), () -> {}),
                new JdbcAssetRepository(jdbc),
                new JdbcTransactions(template),
                new JdbcStepStore(jdbc, SqlDialect.of(dataSource), () -> {}),
                new JdbcDispatchOutbox(jdbc, template),
                new JdbcDeliveryStore(jdbc, template, reader),
                new JdbcCheckpointStore(jdbc));
    }

    /** The persistence adapters over one data source. */
    public record Adapters(
            JobRepository jobs,
            EventLog events,
            AssetRepository assets,
            Transactions transactions,
            StepStore steps,
            DispatchOutbox dispatches,
            DeliveryStore deliveries,
            CheckpointStore checkpoints) {}
}
