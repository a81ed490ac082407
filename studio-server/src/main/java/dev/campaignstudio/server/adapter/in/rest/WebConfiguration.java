package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.server.config.ApiTokens;
import dev.campaignstudio.server.config.ClientProperties;
import dev.campaignstudio.server.config.StudioProperties;
import io.github.bucket4j.TimeMeter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The REST adapter's tokens, problem writer and API description; only in processes that serve HTTP. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebConfiguration {

    @Bean
    ApiTokens apiTokens(StudioProperties properties, ClientProperties clients) {
        return ApiTokens.from(properties, clients);
    }

    /** The time of the per-caller token buckets; tests replace it with one they move. */
    @Bean
    TimeMeter rateLimitTime() {
        return TimeMeter.SYSTEM_NANOTIME;
    }

    @Bean
    OpenAPI studioOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Campaign Studio API")
                        .version("v1")
                        .description(
                                "Product images and a prompt in; image bundles, fast videos, script videos and UGC videos out. "
                                        + "Errors are RFC 9457 problem documents with a stable 'code'."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A token of studio.api.tokens or of a caller of studio.clients")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }
}
