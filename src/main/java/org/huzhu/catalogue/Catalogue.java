package org.huzhu.catalogue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The catalogue module's front door: which terms apply on a given day. */
@Service
public class Catalogue {

    private final List<CatalogueVersion> versions;
    /** Each item's name as the first version that knows its code gives it (claims and notices name items at every step). */
    private final Map<String, String> itemNames = new HashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    Catalogue(CatalogueProperties properties) throws IOException {
        this(CatalogueLoader.load(properties.dir()));
    }

    Catalogue(List<CatalogueVersion> versions) {
        if (versions.isEmpty()) throw new IllegalStateException("No catalogue version found");
        this.versions = versions;
        for (CatalogueVersion v : versions) {
            for (CatalogueVersion.Item item : v.items()) itemNames.putIfAbsent(item.code(), item.name());
        }
    }

    /** The version in force for coverage starting on {@code day}: the latest effective on or before it. */
    public CatalogueVersion activeOn(LocalDate day) {
        CatalogueVersion found = null;
        for (CatalogueVersion v : versions) {
            if (!v.effectiveFrom().isAfter(day)) found = v;
        }
        return found != null ? found : versions.getFirst();
    }

    /** The version of this code (the one an enrolment was priced under), if the catalogue still has it. */
    public Optional<CatalogueVersion> version(String code) {
        return versions.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    /** An item's name as the catalogue's versions give it (the first that knows the code), else the code itself. */
    public String itemName(String code) {
        return itemNames.getOrDefault(code, code);
    }

    public List<CatalogueVersion> versions() {
        return versions;
    }
}
