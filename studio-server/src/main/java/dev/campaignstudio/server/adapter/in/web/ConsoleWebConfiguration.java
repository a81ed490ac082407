package dev.campaignstudio.server.adapter.in.web;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's own static files and the htmx WebJars, served under {@code /console} so that the console's security
 * chain, not the API's, decides about them. WebJar paths leave out the version ({@code /console/webjars/htmx.org/dist/htmx.min.js}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/static/**")
                .addResourceLocations("classpath:/console-static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate());
        registry.addResourceHandler("/console/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .resourceChain(true);
    }
}
