package org.huzhu.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One PostgreSQL for the whole application: an external server by URL, or the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties) throws IOException {
        return properties.external() ? external(properties) : embedded(properties, EmbeddedPostgresServer.start(properties.embedded()));
    }

    static HikariDataSource external(DatabaseProperties properties) {
        HikariConfig config = pool(properties);
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        return new HikariDataSource(config);
    }

    /** A pool on the embedded server that stops the server when it closes. */
    static HikariDataSource embedded(DatabaseProperties properties, EmbeddedPostgresServer server) {
        HikariConfig config = pool(properties);
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword(server.password());
        return new HikariDataSource(config) {
            @Override
            public void close() {
                super.close();
                try {
                    server.close();
                } catch (IOException e) {
                    throw new IllegalStateException("Embedded PostgreSQL did not stop cleanly", e);
                }
            }
        };
    }

    private static HikariConfig pool(DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("huzhu");
        config.setMaximumPoolSize(properties.poolSize());
        return config;
    }
}
