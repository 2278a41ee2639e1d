package org.huzhu.claims;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which documents a claim needs (classpath {@code claims/materials.yaml}): always an ID card and a
 * bank card, then per item what proves it. A requirement is met by any one of its kinds.
 */
final class Materials {

    /** A fact of the claim a requirement may depend on. */
    enum Fact { HOSPITAL_STAY, EXPENSES, CANCER, DISABILITY, DEATH }

    record Requirement(List<String> anyOf, Fact when) {

        /** How requests and waivers name the requirement: its kinds joined by {@code |} ("DISCHARGE_SUMMARY|DIAGNOSIS_CERTIFICATE"). */
        String code() {
            return String.join("|", anyOf);
        }

        boolean metBy(java.util.Collection<String> kinds) {
            return anyOf.stream().anyMatch(kinds::contains);
        }
    }

    private record File(Map<String, String> kinds, List<Requirement> always, Map<String, List<Requirement>> items) {
    }

    private final File file;

    private Materials(File file) {
        this.file = file;
    }

    static Materials load() {
        ObjectMapper yaml = YAMLMapper.builder().build();
        try (InputStream in = new ClassPathResource("claims/materials.yaml").getInputStream()) {
            File file = yaml.readValue(in, File.class);
            for (Requirement r : concat(file.always(), file.items().values())) {
                for (String kind : r.anyOf()) {
                    if (!file.kinds().containsKey(kind)) throw new IllegalStateException("materials.yaml: unknown kind " + kind);
                }
            }
            return new Materials(file);
        } catch (IOException e) {
            throw new IllegalStateException("claims/materials.yaml cannot be read", e);
        }
    }

    boolean knows(String kind) {
        return file.kinds().containsKey(kind);
    }

    String kindName(String kind) {
        return file.kinds().get(kind);
    }

    Map<String, String> kinds() {
        return new LinkedHashMap<>(file.kinds());
    }

    /** The requirements for these items and facts, each once, in file order. */
    List<Requirement> required(Collection<String> items, Set<Fact> facts) {
        Set<Requirement> out = new LinkedHashSet<>();
        for (Requirement r : file.always()) if (r.when() == null || facts.contains(r.when())) out.add(r);
        for (String item : items) {
            for (Requirement r : file.items().getOrDefault(item, List.of())) {
                if (r.when() == null || facts.contains(r.when())) out.add(r);
            }
        }
        return new ArrayList<>(out);
    }

    /** What of {@code required} the attached kinds do not meet, named in Chinese ("出院小结或诊断证明书"). */
    List<String> missing(List<Requirement> required, Set<String> attached) {
        return unmet(required, attached).stream().map(this::name).toList();
    }

    /** The requirements of {@code required} the attached kinds do not meet. */
    List<Requirement> unmet(List<Requirement> required, Set<String> attached) {
        return required.stream().filter(r -> !r.metBy(attached)).toList();
    }

    /** A requirement in Chinese: its kinds' names joined by 或. */
    String name(Requirement r) {
        return String.join("或", r.anyOf().stream().map(k -> file.kinds().get(k)).toList());
    }

    /**
     * A requirement from its code ({@link Requirement#code()}) or a single kind; null when a kind in it is unknown.
     * The kinds keep the order given.
     */
    Requirement requirement(String code) {
        if (code == null || code.isBlank()) return null;
        List<String> kinds = java.util.Arrays.stream(code.split("\\|")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
        if (kinds.isEmpty() || !kinds.stream().allMatch(this::knows)) return null;
        return new Requirement(kinds, null);
    }

    private static List<Requirement> concat(List<Requirement> always, Collection<List<Requirement>> items) {
        List<Requirement> all = new ArrayList<>(always);
        items.forEach(all::addAll);
        return all;
    }
}
