package org.huzhu.hospitals;

import java.time.Duration;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A request the eligibility API refuses, answered as a FHIR OperationOutcome: the HTTP status, the issue's type, a
 * Chinese diagnostics message and, where one element is at fault, its path ({@code Patient.identifier}).
 */
final class FhirProblem extends RuntimeException {

    private final int status;
    private final IssueType type;
    private final String expression;
    private final Duration retryAfter;

    private FhirProblem(int status, IssueType type, String diagnostics, String expression, Duration retryAfter) {
        super(diagnostics);
        this.status = status;
        this.type = type;
        this.expression = expression;
        this.retryAfter = retryAfter;
    }

    static FhirProblem invalid(String expression, String diagnostics) {
        return new FhirProblem(400, IssueType.INVALID, diagnostics, expression, null);
    }

    static FhirProblem required(String expression, String diagnostics) {
        return new FhirProblem(400, IssueType.REQUIRED, diagnostics, expression, null);
    }

    static FhirProblem structure(String expression, String diagnostics) {
        return new FhirProblem(400, IssueType.STRUCTURE, diagnostics, expression, null);
    }

    static FhirProblem forbidden(String expression, String diagnostics) {
        return new FhirProblem(403, IssueType.FORBIDDEN, diagnostics, expression, null);
    }

    static FhirProblem unsupportedMediaType(String diagnostics) {
        return new FhirProblem(415, IssueType.NOTSUPPORTED, diagnostics, null, null);
    }

    static FhirProblem throttled(String diagnostics, Duration retryAfter) {
        return new FhirProblem(429, IssueType.THROTTLED, diagnostics, null, retryAfter);
    }

    int status() {
        return status;
    }

    IssueType type() {
        return type;
    }

    String expression() {
        return expression;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
