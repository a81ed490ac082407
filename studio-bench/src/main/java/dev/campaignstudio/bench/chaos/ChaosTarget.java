package dev.campaignstudio.bench.chaos;

import java.net.URI;
import java.nio.file.Path;

/**
 * The real servers a chaos run uses and where it writes: a fresh database is created on the PostgreSQL server and
 * dropped afterwards, queues get a prefix of their own and are deleted, S3Proxy runs from its jar.
 *
 * @param pgUrl          a JDBC URL of a database on the server to connect to for {@code CREATE DATABASE}
 * @param pgUser         PostgreSQL user
 * @param pgPassword     its password
 * @param rabbitHost     RabbitMQ host
 * @param rabbitPort     RabbitMQ port
 * @param rabbitUser     RabbitMQ user
 * @param rabbitPassword its password
 * @param s3proxyJar     the S3Proxy jar (the build copies it to {@code studio-server/target/s3proxy/s3proxy.jar})
 * @param workDir        where process logs go
 */
public record ChaosTarget(
        String pgUrl,
        String pgUser,
        String pgPassword,
        String rabbitHost,
        int rabbitPort,
        String rabbitUser,
        String rabbitPassword,
        Path s3proxyJar,
        Path workDir) {

    /** The PostgreSQL server's host. */
    String pgHost() {
        return server().getHost();
    }

    /** The PostgreSQL server's port. */
    int pgPort() {
        int port = server().getPort();
        return port < 0 ? 5432 : port;
    }

    /** A JDBC URL of {@code database} on the same server, reached at {@code host:port}. */
    String databaseUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private URI server() {
        if (!pgUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the PostgreSQL URL must be jdbc:postgresql://host:port/database");
        }
        return URI.create(pgUrl.substring("jdbc:".length()));
    }
}
