package org.huzhu.shared.web;

/**
 * The paths of the API, answered with JSON and never with a page: {@code /api/} and the hospital desk's FHIR base
 * {@code /fhir/}. Their callers get 401/403 answers instead of the login page, and each endpoint declares its right.
 */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** Whether the request path (without context path) belongs to the API. */
    public static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/fhir/"));
    }
}
