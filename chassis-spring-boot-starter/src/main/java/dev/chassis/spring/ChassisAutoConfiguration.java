package dev.chassis.spring;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.store.JdbcJournal;
import dev.chassis.talk.TalkHarness;
import dev.chassis.work.WorkHarness;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chassis in a Spring Boot application: the model from {@code chassis.model.*}, a {@link TalkHarness} and a
 * {@link WorkHarness} on it, their journals in the application's {@link DataSource} (in memory, with a warning,
 * when it has none), their events as meters in its {@link MeterRegistry}, and a health indicator
 * ({@code /actuator/health/chassis}). Every bean steps aside for one of the same type the application defines.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(ChassisProperties.class)
public class ChassisAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ChassisAutoConfiguration.class);

    /** The model both harnesses use, from {@code chassis.model.*}. */
    @Bean
    @ConditionalOnMissingBean(Model.class)
    public Model chassisModel(ChassisProperties properties) {
        return ChassisModels.create(properties.model());
    }

    /**
     * The journals in the application's database, migrated by Flyway into {@code chassis_*} tables with their own
     * history ({@code chassis_schema_history}), after the application's own Flyway migrations if it has them: run
     * first, Chassis's tables would make Boot's Flyway refuse a schema that is not empty.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    public JdbcJournal chassisJournal(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> applicationMigrations) {
        applicationMigrations.ifAvailable(initialized -> { });
        return JdbcJournal.open(dataSource);
    }

    /** The harnesses' events as meters, when the application has a registry. */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean
    public ChassisMeters chassisMeters(MeterRegistry registry) {
        return new ChassisMeters(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    public TalkHarness chassisTalkHarness(Model model, ChassisProperties properties, ObjectProvider<JdbcJournal> journal,
            ObjectProvider<ChassisMeters> meters, ObjectProvider<OpenTelemetry> otel) {
        TalkHarness.Builder b = TalkHarness.builder().model(model).fallback(OfflineModel.builder().pacing(Pacing.INSTANT).build())
                .firstTokenDeadline(properties.talk().firstTokenDeadline()).replyTimeout(properties.talk().replyTimeout())
                .journal(journal(journal, true)).events(events(meters));
        otel.ifAvailable(b::openTelemetry);
        return b.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public WorkHarness chassisWorkHarness(Model model, ChassisProperties properties, ObjectProvider<JdbcJournal> journal,
            ObjectProvider<ChassisMeters> meters, ObjectProvider<OpenTelemetry> otel) {
        WorkHarness.Builder b = WorkHarness.builder().model(model).journal(journal(journal, false)).events(events(meters));
        if (properties.work().workdir() != null) {
            b.workdir(properties.work().workdir());
        }
        if (properties.work().files() != null) {
            b.files(properties.work().files());
        }
        otel.ifAvailable(b::openTelemetry);
        return b.build();
    }

    private static Journal journal(ObjectProvider<JdbcJournal> journal, boolean sessions) {
        JdbcJournal db = journal.getIfAvailable();
        if (db == null) {
            LOG.warn("no DataSource: the {} journal is in memory, and every {} is lost when the application stops",
                    sessions ? "talk" : "work", sessions ? "session" : "run");
            return new InMemoryJournal();
        }
        return sessions ? db.sessionJournal() : db.runJournal();
    }

    private static EventSink events(ObjectProvider<ChassisMeters> meters) {
        ChassisMeters m = meters.getIfAvailable();
        return m == null ? EventSink.NONE : m;
    }

    /** The health indicator, when Actuator is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "chassisHealthIndicator")
        public ChassisHealthIndicator chassisHealthIndicator(Model model, ObjectProvider<JdbcJournal> journal) {
            return new ChassisHealthIndicator(model, journal.getIfAvailable());
        }
    }
}
