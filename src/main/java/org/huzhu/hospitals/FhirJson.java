package org.huzhu.hospitals;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import java.time.LocalDate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one FHIR R4 context (HAPI FHIR structures), made at start (about 0.1 s), and FHIR JSON read and written with it.
 * HAPI learns each resource type's structure the first time it meets it (about a second for the three the desk
 * uses); once the application is ready that is done in the background with one request, answer and outcome, so that
 * the first discharge desk does not wait. Both costs are logged. Parsers are made per use (they are not thread-safe).
 */
@Component
class FhirJson {

    private static final Logger log = LoggerFactory.getLogger(FhirJson.class);

    private final FhirContext context;
    private final long contextMillis;

    FhirJson() {
        long started = System.nanoTime();
        this.context = FhirContext.forR4();
        this.contextMillis = (System.nanoTime() - started) / 1_000_000;
    }

    IParser reader(IParserErrorHandler errors) {
        return context.newJsonParser().setParserErrorHandler(errors);
    }

    String write(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmInBackground() {
        Thread t = new Thread(this::warm, "fhir-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    void warm() {
        try {
            long started = System.nanoTime();
            CoverageEligibilityRequest request = new CoverageEligibilityRequest();
            request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE).setServiced(new org.hl7.fhir.r4.model.DateType(java.sql.Date.valueOf(LocalDate.of(2026, 1, 1))));
            context.newJsonParser().parseResource(CoverageEligibilityRequest.class, write(request));
            write(new CoverageEligibilityResponse().setDisposition("预热"));
            write(new OperationOutcome());
            log.info("FHIR R4 ready: context made in {} ms at start, request, answer and outcome learnt in {} ms", contextMillis,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.debug("FHIR warm-up failed; the first query pays for it", e);
        }
    }
}
