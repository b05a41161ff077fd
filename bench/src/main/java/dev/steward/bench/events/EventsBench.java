package dev.steward.bench.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.bench.BenchContext;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;

/**
 * Issue 9's figure for domain events: what publishing one event through Spring Modulith's JDBC
 * publication registry costs a write transaction, as Steward publishes them (inside the acting
 * transaction, one publication row per listener, completed by the listener after commit on a thread
 * of its own). The baseline is the same transaction without the event, in the same run, on the
 * same PostgreSQL database and pool. The registry's cost is one more row in the acting transaction
 * and one more transaction per listener to complete it; on a server whose commits are bound by
 * fsync the second is what shows.
 */
public final class EventsBench implements Benchmark {

    private static final int THREADS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(20);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String description() {
        return "Write transactions (one 200-byte row each, " + THREADS + " client threads, PostgreSQL, Hikari pool) that "
                + "publish one domain event through Spring Modulith's JDBC publication registry with one asynchronous "
                + "listener, against the same transactions without the event, in the same run; and how long after the "
                + "last commit every publication was completed.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        String database = "steward_bench_events_" + UUID.randomUUID().toString().substring(0, 8);
        admin(context, "CREATE DATABASE " + database);
        try (ConfigurableApplicationContext app = start(context.postgresUrl(database))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE bench_writes (tenant_id UUID NOT NULL, id UUID NOT NULL, body VARCHAR(400) NOT NULL, "
                    + "PRIMARY KEY (tenant_id, id))");
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            ApplicationEventPublisher events = app;
            String body = "x".repeat(200);
            UUID tenant = UUID.randomUUID();
            Write plain = () -> tx.executeWithoutResult(s -> insert(jdbc, tenant, body));
            Write published = () -> tx.executeWithoutResult(s -> {
                UUID id = insert(jdbc, tenant, body);
                events.publishEvent(new BenchWritten(tenant, id));
            });

            rate(plain, WARM_UP);
            rate(published, WARM_UP);
            awaitCompletion(jdbc, DRAIN_LIMIT);
            // alternate the two, so that neither profits alone from a warmer cache or a quieter disk
            double plainRate = (rate(plain, MEASURE) + rate(plain, MEASURE)) / 2;
            awaitCompletion(jdbc, DRAIN_LIMIT);
            double firstPublished = rate(published, MEASURE);
            awaitCompletion(jdbc, DRAIN_LIMIT);
            double secondPublished = rate(published, MEASURE);
            long drainStart = System.nanoTime();
            awaitCompletion(jdbc, DRAIN_LIMIT);
            double drainMs = (System.nanoTime() - drainStart) / 1e6;
            double publishedRate = (firstPublished + secondPublished) / 2;
            long handled = app.getBean(BenchListener.class).handled();
            if (handled == 0) {
                throw new IllegalStateException("the listener never ran: the figures would measure nothing");
            }
            return List.of(
                    Figure.against("write transactions/s with one published event", publishedRate, "tx/s",
                            "same transactions without the event", plainRate, ">= 0.9 x baseline"),
                    Figure.of("publications still incomplete after the last commit, drained in", drainMs, "ms", ""),
                    Figure.of("events handled by the listener (all runs)", handled, "events", ""));
        } finally {
            admin(context, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static UUID insert(JdbcTemplate jdbc, UUID tenant, String body) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO bench_writes (tenant_id, id, body) VALUES (?, ?, ?)", tenant, id, body);
        return id;
    }

    @FunctionalInterface
    private interface Write {
        void run();
    }

    /** Committed transactions per second of {@link #THREADS} closed loops for {@code length}. */
    private static double rate(Write write, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                loops.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        write.run();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            pool.shutdown();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void awaitCompletion(JdbcTemplate jdbc, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Long.class) > 0) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("publications still incomplete after " + limit);
            }
            Thread.sleep(20);
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        SpringApplication app = new SpringApplication(EventsBenchApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN",
                "spring.datasource.url", url,
                "spring.datasource.hikari.maximum-pool-size", String.valueOf(THREADS + 4),
                // as in Steward's server: incomplete publications are the registry's, in PostgreSQL
                "spring.modulith.events.jdbc.schema-initialization.enabled", "true",
                "spring.task.execution.pool.core-size", "4",
                "spring.task.execution.pool.max-size", "4"));
        return app.run();
    }

    private static void admin(BenchContext context, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(context.postgresAdminUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
