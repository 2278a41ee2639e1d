package org.huzhu.hospitals;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestPurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestStatus;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.huzhu.shared.IdNumber;
import org.springframework.stereotype.Component;

/**
 * Reads a discharge desk's CoverageEligibilityRequest (FHIR R4 JSON) strictly: an unknown element, a value of the
 * wrong form, a missing patient, ID number, name or provider is a {@link FhirProblem} naming the element. What Huzhu
 * reads: {@code status} active, {@code purpose} validation and/or benefits, {@code patient} a reference to a
 * contained Patient with the resident ID number ({@link #RESIDENT_ID}) and the name, {@code servicedDate} (the day of
 * discharge; else {@code servicedPeriod.end}; else today, China time) and {@code provider} the hospital by its code
 * ({@link #HOSPITAL_CODE}, directly or on a contained Organization). Other elements are accepted and not used.
 */
@Component
class EligibilityRequests {

    /** 患者身份证号标识 of the national health information standards (WS/T 500): the resident ID number. */
    static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";
    /** The standards' 文档流水号 (a document's serial number), sometimes sent by mistake for the ID number. */
    private static final String DOCUMENT_SERIAL = "urn:oid:2.16.156.10011.1.1";
    /** Huzhu's partner-hospital registry: the code on the hospital's 申领提示牌. */
    static final String HOSPITAL_CODE = "urn:huzhu:partner-hospital";
    private static final Set<EligibilityRequestPurpose> ANSWERED = EnumSet.of(EligibilityRequestPurpose.VALIDATION,
            EligibilityRequestPurpose.BENEFITS);
    private static final Pattern LINE_COLUMN = Pattern.compile("line: (\\d+), column: (\\d+)");

    private final FhirJson fhir;

    EligibilityRequests(FhirJson fhir) {
        this.fhir = fhir;
    }

    EligibilityQuery read(byte[] body, LocalDate today) {
        if (body == null || body.length == 0) throw FhirProblem.required("CoverageEligibilityRequest", "缺少请求体：应为一个 CoverageEligibilityRequest 资源（FHIR R4 JSON）");
        String json = new String(body, StandardCharsets.UTF_8);
        CoverageEligibilityRequest request = parse(json);
        if (!request.hasStatus()) throw FhirProblem.required("CoverageEligibilityRequest.status", "缺少 status（应为 active）");
        if (request.getStatus() != EligibilityRequestStatus.ACTIVE) {
            throw FhirProblem.invalid("CoverageEligibilityRequest.status", "只受理 status 为 active 的查询");
        }
        List<EligibilityRequestPurpose> purposes = request.getPurpose().stream().map(p -> p.getValue()).toList();
        if (purposes.isEmpty()) throw FhirProblem.required("CoverageEligibilityRequest.purpose", "缺少 purpose：validation（是否在保）或 benefits（可申领的项目）");
        if (!ANSWERED.containsAll(purposes)) {
            throw FhirProblem.invalid("CoverageEligibilityRequest.purpose", "purpose 只支持 validation（是否在保）与 benefits（可申领的项目）");
        }
        Patient patient = patient(request);
        return new EligibilityQuery(idNumber(patient, today), name(patient), servicedOn(request, today), providerCode(request), purposes,
                request.hasIdentifier() ? request.getIdentifierFirstRep() : null);
    }

    private CoverageEligibilityRequest parse(String json) {
        IBaseResource resource;
        try {
            resource = fhir.reader(new Refusals(json)).parseResource(json);
        } catch (DataFormatException e) {
            throw unreadable(e.getMessage());
        }
        if (!(resource instanceof CoverageEligibilityRequest request)) {
            throw FhirProblem.invalid("resourceType", "资源类型应为 CoverageEligibilityRequest，收到的是 " + resource.fhirType());
        }
        return request;
    }

    private static FhirProblem unreadable(String message) {
        String text = message == null ? "" : message;
        if (text.contains("missing required element: 'resourceType'")) {
            return FhirProblem.required("resourceType", "缺少 resourceType（应为 CoverageEligibilityRequest）");
        }
        if (text.contains("Unknown resource name")) {
            return FhirProblem.invalid("resourceType", "resourceType 不是 FHIR R4 的资源类型，应为 CoverageEligibilityRequest");
        }
        Matcher at = LINE_COLUMN.matcher(text);
        return FhirProblem.structure(null, "请求体不是有效的 FHIR JSON" + (at.find() ? "（第" + at.group(1) + "行第" + at.group(2) + "列附近）" : "")
                + "：应为一个以 { 开头的 CoverageEligibilityRequest 资源");
    }

    private static Patient patient(CoverageEligibilityRequest request) {
        if (!request.hasPatient()) {
            throw FhirProblem.required("CoverageEligibilityRequest.patient", "缺少 patient：应引用 contained 中的 Patient（含居民身份证号码与姓名）");
        }
        if (!(request.getPatient().getResource() instanceof Patient patient)) {
            throw FhirProblem.invalid("CoverageEligibilityRequest.patient",
                    "patient 应引用 contained 中的 Patient（如 \"#patient\"），其中含居民身份证号码与姓名");
        }
        return patient;
    }

    private static IdNumber idNumber(Patient patient, LocalDate today) {
        Optional<Identifier> id = patient.getIdentifier().stream().filter(i -> RESIDENT_ID.equals(i.getSystem())).findFirst();
        if (id.isEmpty()) {
            boolean serial = patient.getIdentifier().stream().anyMatch(i -> DOCUMENT_SERIAL.equals(i.getSystem()));
            throw FhirProblem.required("Patient.identifier", serial
                    ? DOCUMENT_SERIAL + " 是文档流水号标识；居民身份证号码的 identifier.system 应为 " + RESIDENT_ID
                    : "缺少居民身份证号码：Patient.identifier 的 system 应为 " + RESIDENT_ID);
        }
        String value = id.get().getValue();
        if (value == null || value.isBlank()) throw FhirProblem.required("Patient.identifier.value", "缺少居民身份证号码");
        try {
            return IdNumber.parse(value.strip(), today);
        } catch (IllegalArgumentException e) {
            throw FhirProblem.invalid("Patient.identifier.value", "居民身份证号码格式或校验位不正确，请核对");
        }
    }

    /** The name as text, or family then given names (Chinese order, no spaces). */
    private static String name(Patient patient) {
        for (HumanName n : patient.getName()) {
            String text = n.hasText() ? n.getText() : (n.getFamily() == null ? "" : n.getFamily())
                    + String.join("", n.getGiven().stream().map(StringType::getValue).toList());
            if (!text.isBlank()) return text.strip();
        }
        throw FhirProblem.required("Patient.name", "缺少患者姓名（Patient.name 的 text，或 family 与 given）");
    }

    private static LocalDate servicedOn(CoverageEligibilityRequest request, LocalDate today) {
        if (request.hasServicedDateType()) {
            if (request.getServicedDateType().getPrecision() != TemporalPrecisionEnum.DAY) {
                throw FhirProblem.invalid("CoverageEligibilityRequest.servicedDate", "servicedDate（出院日期）应精确到日，如 2026-11-29");
            }
            return LocalDate.parse(request.getServicedDateType().getValueAsString());
        }
        if (request.hasServicedPeriod() && request.getServicedPeriod().hasEnd()) {
            return LocalDate.parse(request.getServicedPeriod().getEndElement().getValueAsString().substring(0, 10));
        }
        return today;
    }

    private static String providerCode(CoverageEligibilityRequest request) {
        Reference provider = request.getProvider();
        Identifier id = provider.hasIdentifier() ? provider.getIdentifier()
                : provider.getResource() instanceof Organization o ? o.getIdentifier().stream()
                        .filter(i -> HOSPITAL_CODE.equals(i.getSystem())).findFirst().orElse(null) : null;
        if (id == null || !HOSPITAL_CODE.equals(id.getSystem()) || !id.hasValue()) {
            throw FhirProblem.required("CoverageEligibilityRequest.provider",
                    "缺少 provider：应为本院，identifier.system 为 " + HOSPITAL_CODE + "，value 为申领提示牌上的医院编码");
        }
        return id.getValue().strip();
    }

    /**
     * Refuses what HAPI would let pass quietly (an unknown element, a value of the wrong form or JSON type), naming the
     * element by its path in the request as sent ({@code CoverageEligibilityRequest.contained[0].identifier[0].sytem}).
     */
    private static final class Refusals extends ErrorHandlerAdapter {
        private final String json;

        Refusals(String json) {
            this.json = json;
        }

        @Override
        public void unknownElement(IParseLocation location, String element) {
            throw FhirProblem.invalid(JsonPaths.of(json, element, null), "未知的元素 " + element + "：不是 FHIR R4 中该资源的元素");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attribute) {
            unknownElement(location, attribute);
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            String element = location == null ? null : location.getParentElementName();
            throw FhirProblem.invalid(element == null ? null : JsonPaths.of(json, element, value),
                    "元素 " + element + " 的值“" + value + "”不正确" + (error != null && error.contains("date") ? "：日期应为 YYYY-MM-DD" : ""));
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            throw FhirProblem.structure(JsonPaths.of(json, element, null), "元素 " + element + " 的 JSON 类型不正确");
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            throw FhirProblem.invalid("CoverageEligibilityRequest.contained", "contained 中的资源须有 id，patient 以 \"#id\" 引用它");
        }
    }
}
