package org.huzhu.shared.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the shipped notices ({@code calendar/*.yaml}) and those an office drops into
 * {@code huzhu.calendar.dir}; a later file for the same year replaces the earlier one.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    static final ObjectMapper YAML = YAMLMapper.builder().build();

    @Bean
    BusinessCalendar businessCalendar(@Value("${huzhu.calendar.dir:}") String dir) throws IOException {
        List<CalendarYear> notices = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                notices.add(YAML.readValue(in, CalendarYear.class));
            }
        }
        if (!dir.isBlank() && Files.isDirectory(Path.of(dir))) {
            try (var files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        notices.add(YAML.readValue(in, CalendarYear.class));
                    }
                }
            }
        }
        return new BusinessCalendar(notices);
    }
}
