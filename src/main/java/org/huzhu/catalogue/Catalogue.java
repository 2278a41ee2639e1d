package org.huzhu.catalogue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The catalogue module's front door: which terms apply on a given day. */
@Service
public class Catalogue {

    private final List<CatalogueVersion> versions;

    @org.springframework.beans.factory.annotation.Autowired
    Catalogue(CatalogueProperties properties) throws IOException {
        this(CatalogueLoader.load(properties.dir()));
    }

    Catalogue(List<CatalogueVersion> versions) {
        if (versions.isEmpty()) throw new IllegalStateException("No catalogue version found");
        this.versions = versions;
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
        return versions.stream().map(v -> v.item(code)).flatMap(Optional::stream).map(CatalogueVersion.Item::name).findFirst().orElse(code);
    }

    public List<CatalogueVersion> versions() {
        return versions;
    }
}
