package dev.campaignstudio.server.adapter.in.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Starts the service a command runs ({@code serve}, {@code worker}, the embedded service, {@code providers}) so that a
 * failed start is the command's one line: while it starts, the loggers that would print the failure's stack traces and
 * reports are quieter ({@link #LOGGERS}, docs/cli.md "Exit codes"); once its start has returned they are back to the levels
 * configuration gives them. A level configured for one of them (e.g. {@code
 * -Dlogging.level.org.springframework.boot.SpringApplication=ERROR}) wins throughout.
 */
final class QuietStart {

    /**
     * The loggers and their levels while the service starts: Spring Boot's "Application run failed" with the stack
     * trace, its failure analysis ("APPLICATION FAILED TO START"), the condition report hint, and the contexts'
     * "cancelling refresh attempt" warnings (the worker's context, the web one's).
     */
    static final Map<String, LogLevel> LOGGERS = Map.of(
            "org.springframework.boot.SpringApplication", LogLevel.OFF,
            "org.springframework.boot.diagnostics", LogLevel.OFF,
            "org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger", LogLevel.WARN,
            "org.springframework.context.annotation.AnnotationConfigApplicationContext", LogLevel.ERROR,
            "org.springframework.boot.web.server.servlet.context", LogLevel.ERROR);

    private QuietStart() {}

    /**
     * Runs {@code application} with {@code args}; the caller makes its failure one line.
     *
     * @throws RuntimeException the start's failure
     */
    static ConfigurableApplicationContext run(SpringApplication application, List<String> args) {
        LoggingSystem logging = LoggingSystem.get(application.getClassLoader());
        Map<String, Object> defaults = new HashMap<>();
        LOGGERS.forEach((logger, level) -> defaults.put(key(logger), level.name()));
        // lowest precedence: any configuration of these loggers wins
        application.setDefaultProperties(defaults);
        // a failure before logging is configured (e.g. the data dir) is logged with the logging system's defaults
        LOGGERS.forEach((logger, level) -> {
            if (System.getProperty(key(logger)) == null) {
                logging.setLogLevel(logger, level);
            }
        });
        // restored once the start has returned, ready listeners included: a context refreshed earlier (a separate
        // management port's child context) is no sign that nothing more can fail
        ConfigurableApplicationContext context;
        try {
            context = application.run(args.toArray(String[]::new));
        } catch (RuntimeException failed) {
            restore(logging, null);
            throw failed;
        }
        restore(logging, context.getEnvironment());
        return context;
    }

    /** Gives each quietened logger back the level configuration gives it: its own if set, else its parent's. */
    private static void restore(LoggingSystem logging, ConfigurableEnvironment environment) {
        for (String logger : LOGGERS.keySet()) {
            if (environment == null || onlyQuietened(environment, key(logger))) {
                logging.setLogLevel(logger, null);
            }
        }
    }

    /** Whether {@code key} is set only by this class's defaults, not by configuration. */
    private static boolean onlyQuietened(ConfigurableEnvironment environment, String key) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
                    && source.containsProperty(key)) {
                return source.getName().equals(DefaultPropertiesPropertySource.NAME);
            }
        }
        return true;
    }

    private static String key(String logger) {
        return "logging.level." + logger;
    }
}
