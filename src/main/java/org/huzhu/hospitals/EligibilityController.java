package org.huzhu.hospitals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.huzhu.membership.MemberCover;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The discharge desk's question, in FHIR R4 ({@code docs/hospitals.md}): POST a CoverageEligibilityRequest as
 * {@code application/fhir+json}, get a CoverageEligibilityResponse — yes or no per item and what to claim. Only a
 * hospital desk account asks, for its own hospital, within its allowance ({@link DeskRateLimits}); a refusal is an
 * OperationOutcome. Every answer goes to the operation log with the hospital, the masked ID number and yes or no.
 */
@RestController
@Tag(name = "合作医院")
class EligibilityController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private final Hospitals hospitals;
    private final DeskRateLimits limits;
    private final EligibilityRequests requests;
    private final EligibilityAnswers answers;
    private final MemberCover cover;
    private final FhirJson fhir;
    private final Clock clock;

    EligibilityController(Hospitals hospitals, DeskRateLimits limits, EligibilityRequests requests, EligibilityAnswers answers,
                          MemberCover cover, FhirJson fhir, Clock clock) {
        this.hospitals = hospitals;
        this.limits = limits;
        this.requests = requests;
        this.answers = answers;
        this.cover = cover;
        this.fhir = fhir;
        this.clock = clock;
    }

    @PostMapping("/fhir/r4/CoverageEligibilityRequest")
    @Requires(Right.ELIGIBILITY_QUERY)
    @Operation(summary = "出院参保查询（FHIR R4：CoverageEligibilityRequest → CoverageEligibilityResponse，逐项是否可申领及所需材料）")
    ResponseEntity<byte[]> ask(@RequestBody(required = false) byte[] body,
                               @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        CurrentUser desk = CurrentUser.get();
        Hospital hospital = hospitals.ownHospital(desk).filter(Hospital::active)
                .orElseThrow(() -> FhirProblem.forbidden(null, "本账户绑定的合作医院已停止合作，不能查询"));
        limits.take(desk.accountId());
        if (!fhirJson(contentType)) throw FhirProblem.unsupportedMediaType("请以 application/fhir+json 发送 FHIR R4 JSON");
        EligibilityQuery query = requests.read(body, LocalDate.now(clock));
        if (!hospital.code().equalsIgnoreCase(query.providerCode())) {
            throw FhirProblem.forbidden("CoverageEligibilityRequest.provider",
                    "provider 应为本账户所属的合作医院（编码 " + hospital.code() + "），不能代其他医院查询");
        }
        EligibilityAnswers.Answer answer = answers.answer(query, cover.heldOn(query.idNumber(), query.name(), query.servicedOn()),
                clock.instant(), clock.getZone());
        Audit.revealed("出院参保查询答复：" + (answer.covered() ? "有保障，可申领" : "未查到可申领的保障") + "（身份证 "
                + query.idNumber().masked() + "，出院日期 " + query.servicedOn() + "）", Hospitals.RECORD, hospital.code());
        return ResponseEntity.ok().contentType(FHIR_JSON).body(fhir.write(answer.response()).getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(FhirProblem.class)
    ResponseEntity<byte[]> refused(FhirProblem problem) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR).setCode(problem.type()).setDiagnostics(problem.getMessage());
        if (problem.expression() != null) issue.addExpression(problem.expression());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status()).contentType(FHIR_JSON);
        if (problem.retryAfter() != null) answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter().toSeconds()));
        return answer.body(fhir.write(outcome).getBytes(StandardCharsets.UTF_8));
    }

    /** FHIR JSON: application/fhir+json, or plain application/json (which FHIR servers accept too). */
    private static boolean fhirJson(String contentType) {
        if (contentType == null || contentType.isBlank()) return false;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                    || "application".equals(type.getType()) && "fhir+json".equals(type.getSubtype());
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }
}
