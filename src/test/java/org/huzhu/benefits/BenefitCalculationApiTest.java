package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Contract §1 over real HTTP: no login, the example request, and a 400 naming the field for each kind of bad input. */
class BenefitCalculationApiTest extends ApiTest {

    private static final String PATH = "/api/v1/benefit-calculations";

    /** The contract's example request, verbatim. */
    static final String EXAMPLE = """
            {
              "member": {"gender": "F", "birthDate": "1985-03-02"},
              "coverages": [
                {"item": "HOSPITAL", "plan": "STD", "shares": 2, "from": "2026-01-10", "to": "2027-01-09",
                 "renewedWithoutGap": false}
              ],
              "incident": {
                "kind": "ILLNESS",
                "date": "2026-05-01",
                "diagnoses": ["C50.9"],
                "death": false,
                "disabilityGrade": null,
                "hospitalStay": {"admission": "2026-05-01", "discharge": "2026-05-12"}
              },
              "expenses": {"total": "23456.78", "fundPaid": "15000.00", "selfPaid": "5000.00",
                           "selfFunded": "3456.78"},
              "alreadyPaid": [{"item": "HOSPITAL", "component": "MEDICAL", "amount": "1000.00", "days": 0}],
              "submittedOn": "2026-06-01"
            }
            """;

    @Test
    void calculatesTheContractExampleWithoutLogin() {
        Answer answer = post(null, PATH, EXAMPLE);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        // 2 shares: base 4,800 → 2,880 a share → 5,760, limited to selfPaid 5,000.00.
        assertThat(json.path("total").asString()).isEqualTo("5000.00");
        JsonNode benefit = json.path("benefits").get(0);
        assertThat(benefit.path("item").asString()).isEqualTo("HOSPITAL");
        assertThat(benefit.path("plan").asString()).isEqualTo("STD");
        assertThat(benefit.path("decision").asString()).isEqualTo("REDUCED");
        assertThat(benefit.path("amount").asString()).isEqualTo("5000.00");
        assertThat(benefit.path("components").get(0).path("component").asString()).isEqualTo("MEDICAL");
        assertThat(benefit.path("components").get(0).path("amount").asString()).isEqualTo("5000.00");
        assertThat(benefit.path("reasons").get(0).path("code").asString()).isEqualTo("OUT_OF_POCKET_LIMIT");
        assertThat(benefit.path("reasons").get(0).path("message").asString()).contains("5000.00");
    }

    @Test
    void answersEveryCoverageInRequestOrderWithMoneyAsTwoDecimalStrings() {
        String request = EXAMPLE.replace("""
                  "coverages": [
                """, """
                  "coverages": [
                    {"item": "FEMALE_SPECIAL", "plan": "UPG", "shares": 1, "from": "2025-12-01", "to": "2026-11-30"},
                    {"item": "CRITICAL_ILLNESS", "plan": "A", "shares": 2, "from": "2025-12-01", "to": "2026-11-30"},
                """);
        Answer answer = post(null, PATH, request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode benefits = answer.json().path("benefits");
        assertThat(benefits.size()).isEqualTo(3);
        // FEMALE_SPECIAL UPG × 1: 15,000.00; CRITICAL_ILLNESS × 2: 20,000.00; HOSPITAL 5,000.00.
        assertThat(benefits.get(0).path("amount").asString()).isEqualTo("15000.00");
        assertThat(benefits.get(1).path("amount").asString()).isEqualTo("20000.00");
        assertThat(benefits.get(2).path("item").asString()).isEqualTo("HOSPITAL");
        assertThat(benefits.get(0).path("reasons").isArray()).isTrue();
        assertThat(answer.json().path("total").asString()).isEqualTo("40000.00");
    }

    @Test
    void acceptsAbsentOptionalParts() {
        String request = """
                {"member": {"gender": "M"},
                 "coverages": [{"item": "ACCIDENT", "plan": "STD", "shares": 1, "from": "2026-01-10", "to": "2027-01-09"}],
                 "incident": {"kind": "ACCIDENT", "date": "2026-03-01", "death": true},
                 "submittedOn": "2026-03-20"}
                """;
        Answer answer = post(null, PATH, request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("total").asString()).isEqualTo("20000.00");
    }

    @ParameterizedTest(name = "{0} → 400 {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown item                | "item": "HOSPITAL"                 | "item": "DENTAL"                  | coverages[0].item
            unknown plan                | "plan": "STD"                      | "plan": "GOLD"                    | coverages[0].plan
            zero shares                 | "shares": 2                        | "shares": 0                       | coverages[0].shares
            shares above max            | "shares": 2                        | "shares": 5                       | coverages[0].shares
            shares not a number         | "shares": 2                        | "shares": "two"                   | coverages[0].shares
            shares not whole            | "shares": 2                        | "shares": 2.5                     | coverages[0].shares
            grade not whole             | "disabilityGrade": null            | "disabilityGrade": 2.5            | incident.disabilityGrade
            days not whole              | "days": 0                          | "days": 0.5                       | alreadyPaid[0].days
            money as a JSON number      | "selfPaid": "5000.00"              | "selfPaid": 5000.5                | expenses.selfPaid
            from after to               | "to": "2027-01-09"                 | "to": "2026-01-09"                | coverages[0].to
            malformed from              | "from": "2026-01-10"               | "from": "2026/01/10"              | coverages[0].from
            negative money              | "selfPaid": "5000.00"              | "selfPaid": "-1.00"               | expenses.selfPaid
            over-precise money          | "selfPaid": "5000.00"              | "selfPaid": "5000.001"            | expenses.selfPaid
            over-precise money number   | "selfPaid": "5000.00"              | "selfPaid": 5000.001              | expenses.selfPaid
            money that is not money     | "selfPaid": "5000.00"              | "selfPaid": "5千"                 | expenses.selfPaid
            parts above total           | "total": "23456.78"                | "total": "23456.77"               | expenses.total
            discharge before admission  | "discharge": "2026-05-12"          | "discharge": "2026-04-30"         | incident.hospitalStay.discharge
            grade above 10              | "disabilityGrade": null            | "disabilityGrade": 11             | incident.disabilityGrade
            grade below 1               | "disabilityGrade": null            | "disabilityGrade": 0              | incident.disabilityGrade
            unknown kind                | "kind": "ILLNESS"                  | "kind": "FIRE"                    | incident.kind
            impossible date             | "date": "2026-05-01"               | "date": "2026-02-30"              | incident.date
            bad diagnosis code          | "diagnoses": ["C50.9"]             | "diagnoses": ["乳腺癌"]            | incident.diagnoses[0]
            unknown gender              | "gender": "F"                      | "gender": "X"                     | member.gender
            missing submittedOn         | "submittedOn": "2026-06-01"        | "submittedOn": null               | submittedOn
            unknown paid component      | "component": "MEDICAL"             | "component": "BONUS"              | alreadyPaid[0].component
            """)
    void answersBadInputWith400NamingTheField(String breach, String valid, String invalid, String field) {
        assertThat(EXAMPLE).contains(valid);
        Answer answer = post(null, PATH, EXAMPLE.replace(valid, invalid));
        assertThat(answer.status()).as(breach + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode errors = answer.json().path("errors");
        assertThat(errors.size()).as(answer.body()).isGreaterThanOrEqualTo(1);
        assertThat(errors.get(0).path("field").asString()).as(answer.body()).isEqualTo(field);
        assertThat(errors.get(0).path("message").asString()).isNotBlank();
        assertThat(answer.field("detail")).isNotBlank();
    }

    @Test
    void answersAMissingIncidentWith400() {
        String request = EXAMPLE.substring(0, EXAMPLE.indexOf("\"incident\"")) + EXAMPLE.substring(EXAMPLE.indexOf("\"expenses\""));
        Answer answer = post(null, PATH, request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("incident");
    }

    @ParameterizedTest(name = "body ''{0}''")
    @CsvSource(quoteCharacter = '`', value = {"`{not json`", "`[]`", "`null`", "``"})
    void answersAnUnreadableBodyWith400(String body) {
        Answer answer = post(null, PATH, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("body");
    }

    @Test
    void answersTheSameWhenLoggedIn() {
        Answer anonymous = post(null, PATH, EXAMPLE);
        Answer member = post("demo-member", PATH, EXAMPLE);
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.body()).isEqualTo(anonymous.body());
    }
}
