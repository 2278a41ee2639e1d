package org.huzhu.benefits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads benefit schedules from {@code classpath*:catalogue/benefits/*.yaml}, then from the office's
 * {@code <huzhu.catalogue.dir>/benefits/*.yaml}; a later file for the same code and effectiveFrom wins.
 */
final class BenefitScheduleLoader {

    static final String LOCATION = "classpath*:catalogue/benefits/*.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private BenefitScheduleLoader() {
    }

    static List<BenefitSchedule> load(Path catalogueDir) throws IOException {
        Map<String, BenefitSchedule> schedules = new LinkedHashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
            try (InputStream in = r.getInputStream()) {
                add(schedules, read(in, r.getDescription()));
            }
        }
        Path dir = catalogueDir == null ? null : catalogueDir.resolve("benefits");
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        add(schedules, read(in, f.toString()));
                    }
                }
            }
        }
        return new ArrayList<>(schedules.values());
    }

    static BenefitSchedule read(InputStream in, String source) {
        BenefitSchedule schedule;
        try {
            schedule = YAML.readValue(in, BenefitSchedule.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Benefit rules " + source + " cannot be read: " + e.getMessage(), e);
        }
        if (schedule == null || schedule.code() == null || schedule.effectiveFrom() == null) {
            throw new IllegalStateException("Benefit rules " + source + ": code and effectiveFrom are required");
        }
        return schedule;
    }

    private static void add(Map<String, BenefitSchedule> schedules, BenefitSchedule schedule) {
        schedules.put(schedule.code() + "@" + schedule.effectiveFrom(), schedule);
    }
}
