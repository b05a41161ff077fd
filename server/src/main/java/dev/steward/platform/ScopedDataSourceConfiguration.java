package dev.steward.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the application's DataSource in a {@link ScopedDataSource} when it is PostgreSQL, and has
 * the PostgreSQL driver send JDBC batches as multi-row statements.
 */
@Configuration(proxyBeanMethods = false)
class ScopedDataSourceConfiguration {

    @Bean
    static BeanPostProcessor scopedDataSourcePostProcessor() {
        return new BeanPostProcessor() {
            /**
             * Batched inserts (bulk import, system log) go to PostgreSQL as multi-row statements
             * instead of one statement per row: several times the rows per second. A URL that sets
             * the property itself keeps its choice.
             */
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !hikari.getJdbcUrl().contains("reWriteBatchedInserts")
                        && !hikari.getDataSourceProperties().containsKey("reWriteBatchedInserts")) {
                    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(bean instanceof ScopedDataSource) && "dataSource".equals(beanName)
                        && isPostgres(ds)) {
                    return new ScopedDataSource(ds);
                }
                return bean;
            }
        };
    }

    /**
     * On PostgreSQL, migrations run as the schema owner (steward.database.migration-user) while the
     * application connects as its unprivileged role, so row-level security binds the application.
     */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer migrationOwner(
            org.springframework.core.env.Environment env) {
        return configuration -> {
            String user = env.getProperty("steward.database.migration-user", "");
            if (!user.isBlank()) {
                configuration.dataSource(env.getRequiredProperty("spring.datasource.url"), user,
                        env.getProperty("steward.database.migration-password", ""));
            }
        };
    }

    private static boolean isPostgres(DataSource ds) {
        if (ds instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return hikari.getJdbcUrl().startsWith("jdbc:postgresql:");
        }
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (SQLException e) {
            return false;
        }
    }
}
