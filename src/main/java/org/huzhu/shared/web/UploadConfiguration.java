package org.huzhu.shared.web;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits. Every multipart request is held to {@code spring.servlet.multipart} (10 MB a file,
 * 20 MB a request, enforced by the container while it reads); the endpoints listed under
 * {@code huzhu.uploads.large} (path pattern → limit) are read by {@link LargeUploadFilter} instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UploadConfiguration {

    @ConfigurationProperties("huzhu.uploads")
    record UploadProperties(Map<String, DataSize> large, Path tempDir) {
        UploadProperties {
            if (large == null) large = Map.of();
            if (tempDir == null) tempDir = Path.of(System.getProperty("java.io.tmpdir"), "huzhu-uploads");
        }
    }

    @Bean
    FilterRegistrationBean<LargeUploadFilter> largeUploadFilter(UploadProperties uploads) {
        FilterRegistrationBean<LargeUploadFilter> registration =
                new FilterRegistrationBean<>(new LargeUploadFilter(uploads.large(), uploads.tempDir()));
        registration.setOrder(0); // after Spring Security (-100): only authenticated callers reach the disk
        return registration;
    }
}
