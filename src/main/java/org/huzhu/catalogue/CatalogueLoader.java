package org.huzhu.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads catalogue versions from YAML and refuses a file whose terms do not hang together. */
final class CatalogueLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CatalogueLoader() {
    }

    static List<CatalogueVersion> load(Path extraDir) throws IOException {
        List<CatalogueVersion> versions = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                versions.add(read(in, r.getDescription()));
            }
        }
        if (extraDir != null && Files.isDirectory(extraDir)) {
            try (Stream<Path> files = Files.list(extraDir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        versions.add(read(in, f.toString()));
                    }
                }
            }
        }
        versions.sort(Comparator.comparing(CatalogueVersion::effectiveFrom));
        return List.copyOf(versions);
    }

    static CatalogueVersion read(InputStream in, String source) {
        CatalogueVersion v;
        try {
            v = YAML.readValue(in, CatalogueVersion.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Catalogue " + source + " cannot be read: " + e.getMessage(), e);
        }
        validate(v, source);
        return v;
    }

    private static void validate(CatalogueVersion v, String source) {
        List<String> problems = new ArrayList<>();
        if (v.code() == null || v.effectiveFrom() == null) problems.add("code and effectiveFrom are required");
        if (v.ageAtStart() == null || v.unitParticipation() == null || v.funding() == null || v.items() == null) {
            problems.add("ageAtStart, unitParticipation, funding and items are required");
        } else {
            if (v.ageAtStart().min() > v.ageAtStart().max()) problems.add("ageAtStart: min must not exceed max");
            Set<String> itemCodes = new HashSet<>();
            for (var item : v.items()) {
                if (!itemCodes.add(item.code())) problems.add(item.code() + ": item defined twice");
                if (item.maxShares() < 1) problems.add(item.code() + ": maxShares must be at least 1");
                if (item.plans().isEmpty()) problems.add(item.code() + ": has no plans");
                if (item.plan(item.defaultPlan()).isEmpty()) problems.add(item.code() + ": defaultPlan " + item.defaultPlan() + " is not one of its plans");
                Set<String> planCodes = new HashSet<>();
                for (var plan : item.plans()) {
                    if (!planCodes.add(plan.code())) problems.add(item.code() + ":" + plan.code() + ": plan defined twice");
                    if (plan.price() == null) problems.add(item.code() + ":" + plan.code() + ": price is required");
                    else if (plan.price().isNegative() || plan.giftPrice().isNegative()) problems.add(item.code() + ":" + plan.code() + ": negative price");
                    if (plan.termMonths() < 1) problems.add(item.code() + ":" + plan.code() + ": termMonths must be at least 1");
                }
            }
            for (var bundle : v.bundles()) {
                Stream.concat(bundle.items().stream(), bundle.forWomenAlso().stream())
                        .filter(ip -> v.item(ip.item()).flatMap(i -> i.plan(ip.plan())).isEmpty())
                        .forEach(ip -> problems.add("bundle " + bundle.code() + " names unknown " + ip));
            }
            individualProblems(v, problems);
            if (v.funding().policy("UNIT_PAYS").isEmpty()) problems.add("funding policy UNIT_PAYS is required (the fallback for unmapped ownership types)");
            v.funding().defaultPolicyByOwnership().forEach((ownership, policy) -> {
                if (v.funding().policy(policy).isEmpty()) problems.add("ownership " + ownership + " uses unknown funding policy " + policy);
            });
        }
        if (!problems.isEmpty()) throw new IllegalStateException("Catalogue " + source + " is inconsistent: " + problems);
    }

    private static void individualProblems(CatalogueVersion v, List<String> problems) {
        var self = v.individualEnrolment();
        if (self.items().isEmpty()) return;
        for (String code : self.items()) {
            var item = v.item(code);
            if (item.isEmpty()) problems.add("individualEnrolment names unknown item " + code);
            else if (item.get().giftOnly()) problems.add("individualEnrolment: " + code + " is gift-only and cannot be bought");
        }
        if (self.employmentForms().isEmpty()) problems.add("individualEnrolment: employmentForms is required");
        var policy = self.fundingPolicy() == null ? java.util.Optional.<CatalogueVersion.FundingPolicy>empty() : v.funding().policy(self.fundingPolicy());
        if (policy.isEmpty() || !policy.get().memberPays()) problems.add("individualEnrolment: fundingPolicy must be a member-paid policy");
    }
}
