package org.huzhu.hospitals;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.EligibilityResponsePurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.EligibilityResponseStatus;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.InsuranceComponent;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.ItemsComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.huzhu.claims.StayMaterials;
import org.huzhu.membership.MemberCover;
import org.springframework.stereotype.Component;

/**
 * The answer to a discharge desk (CoverageEligibilityResponse): outcome complete, a disposition in Chinese, one
 * insurance entry "职工互助保障" in force or not, and — when benefits were asked — one item per catalogue item the
 * patient holds on the day of discharge: its code ({@link #ITEM_CODE}) and name, whether it is excluded (inside the
 * illness waiting period) and, for an item that pays for a stay, what to claim. Nothing else: no amounts, shares,
 * plans, periods or personal data; the patient is named by the masked ID number only. No cover, an unknown ID number
 * and a name that does not match read the same.
 */
@Component
class EligibilityAnswers {

    /** Huzhu's catalogue items (住院医疗互助保障 is HOSPITAL). */
    static final String ITEM_CODE = "urn:huzhu:catalogue-item";
    static final String NO_COVER = "未查询到该患者在服务日期有效的职工互助保障";
    private static final String SCHEME = "职工互助保障";

    private final StayMaterials materials;

    EligibilityAnswers(StayMaterials materials) {
        this.materials = materials;
    }

    /** One item held, once: excluded only when every cover of it that day is inside its waiting period. */
    record HeldItem(String code, String name, boolean excluded) {
    }

    /** The response, and whether it says yes: some item held that day may be claimed (is not excluded). */
    record Answer(CoverageEligibilityResponse response, boolean covered) {
    }

    Answer answer(EligibilityQuery query, List<MemberCover.Item> held, Instant now, java.time.ZoneId zone) {
        List<HeldItem> items = items(query, held);
        CoverageEligibilityResponse response = new CoverageEligibilityResponse();
        response.setId(UUID.randomUUID().toString());
        response.setStatus(EligibilityResponseStatus.ACTIVE);
        query.purposes().forEach(p -> response.addPurpose(EligibilityResponsePurpose.fromCode(p.toCode())));
        response.setPatient(new Reference().setDisplay(query.idNumber().masked()));
        response.setServiced(new DateType(java.sql.Date.valueOf(query.servicedOn())));
        response.setCreatedElement(new DateTimeType(Date.from(now), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(zone)));
        response.setRequest(query.requestIdentifier() == null ? new Reference().setDisplay("CoverageEligibilityRequest")
                : new Reference().setIdentifier(query.requestIdentifier()));
        response.setInsurer(new Reference().setDisplay(SCHEME));
        response.setOutcome(RemittanceOutcome.COMPLETE);
        response.setDisposition(disposition(items));
        InsuranceComponent insurance = response.addInsurance().setCoverage(new Reference().setDisplay(SCHEME)).setInforce(!items.isEmpty());
        if (query.asksBenefits()) items.forEach(i -> insurance.addItem(item(i)));
        return new Answer(response, items.stream().anyMatch(i -> !i.excluded()));
    }

    private static List<HeldItem> items(EligibilityQuery query, List<MemberCover.Item> held) {
        Map<String, HeldItem> byCode = new LinkedHashMap<>();
        for (MemberCover.Item i : held) {
            boolean waiting = i.waitingEnds() != null && !query.servicedOn().isAfter(i.waitingEnds());
            byCode.merge(i.item(), new HeldItem(i.item(), i.itemName(), waiting),
                    (a, b) -> new HeldItem(a.code(), a.name(), a.excluded() && b.excluded()));
        }
        return new ArrayList<>(byCode.values());
    }

    private ItemsComponent item(HeldItem held) {
        ItemsComponent item = new ItemsComponent();
        item.setCategory(new CodeableConcept(new Coding(ITEM_CODE, held.code(), held.name())).setText(held.name()));
        item.setName(held.name());
        item.setExcluded(held.excluded());
        if (held.excluded()) {
            item.setDescription("观察期内：因病住院暂不能申领本项目（因意外受伤住院的不受观察期限制）");
        } else {
            materials.forStay(held.code()).ifPresent(m -> item.setDescription("可申领。所需材料：" + m));
        }
        return item;
    }

    private static String disposition(List<HeldItem> items) {
        if (items.isEmpty()) return NO_COVER;
        List<String> open = items.stream().filter(i -> !i.excluded()).map(HeldItem::name).toList();
        List<String> waiting = items.stream().filter(HeldItem::excluded).map(HeldItem::name).toList();
        if (open.isEmpty()) return "该患者有职工互助保障，但各项目均在观察期内：因病住院暂不能申领";
        return "该患者有职工互助保障，出院后可申领：" + String.join("、", open)
                + (waiting.isEmpty() ? "" : "；观察期内：" + String.join("、", waiting));
    }
}
