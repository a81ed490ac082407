package dev.campaignstudio.server.config;

/** How the service runs (docs/operations.md: embedded or distributed). */
public enum StudioMode {
    /** One process, H2 file database, in-process queues, filesystem assets. */
    EMBEDDED,
    /** PostgreSQL and RabbitMQ, API and worker processes apart. */
    DISTRIBUTED
}
