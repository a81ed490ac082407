package dev.campaignstudio.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Campaign Studio service: API, persistence and (in embedded mode) workers in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StudioApplication {}
