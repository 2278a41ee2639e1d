package org.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The authorisation matrix: every request mapping the application has × every role (and nobody
 * logged in) × a record inside and outside the caller's part of the tree, with the status each
 * must get. The expected roles are written out here, apart from {@link Right}, so that a right
 * given to the wrong role, an endpoint added without a declaration or without a row here, and a
 * scope check missing behind an endpoint all fail this test.
 *
 * <p>Callers: demo-admin (ADMIN, province), demo-wuhan (UNION_STAFF, 武汉市), demo-reviewer,
 * demo-finance (province), demo-unit (UNIT_OPERATOR of a unit in 武汉), demo-member (a worker of
 * that unit), demo-hospital (HOSPITAL, the desk of 武汉市第一医院). "In scope" is a record of that worker
 * or unit (or that hospital); "out of scope" one in 荆门市, outside every scoped caller's part of the tree. Requests that would change something carry input that
 * fails validation, or aim at a record in a state that refuses the move, so that the matrix
 * changes nothing but its own fixtures.
 */
class AuthorisationMatrixTest extends ApiTest {

    /** Everyone logged in, a hospital desk too: what {@code Right.SIGNED_IN} opens. */
    private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
    /** Everyone who works in the scheme: a hospital desk asks about cover and sees nothing else. */
    private static final Set<Role> ALL = EnumSet.complementOf(EnumSet.of(Role.HOSPITAL));
    private static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.MEMBER, Role.HOSPITAL));
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);

    /** One caller per role. */
    private static final Map<Role, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put(Role.ADMIN, "demo-admin");
        CALLERS.put(Role.UNION_STAFF, "demo-wuhan");
        CALLERS.put(Role.REVIEWER, "demo-reviewer");
        CALLERS.put(Role.FINANCE, "demo-finance");
        CALLERS.put(Role.UNIT_OPERATOR, "demo-unit");
        CALLERS.put(Role.MEMBER, "demo-member");
        CALLERS.put(Role.HOSPITAL, "demo-hospital");
    }

    /** Roles whose callers see only part of the tree: only they can be out of scope. */
    private static final Set<Role> SCOPED = EnumSet.of(Role.UNION_STAFF, Role.UNIT_OPERATOR, Role.MEMBER, Role.HOSPITAL);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** What a request carries: nothing, an empty JSON object, an empty file, or a valid claim document (a PDF of kind ACCIDENT_PROOF). */
    enum Body { NONE, EMPTY_JSON, EMPTY_FILE, DOCUMENT }

    /**
     * One row of the matrix. {@code in} and {@code out} are the paths to call with records in and
     * out of the scoped callers' scope ({@code out} null where none of the allowed roles is scoped,
     * or for lists, whose filtering is tested with the list's own tests); {@code absentOk} where the
     * in-scope record is a made-up one and 404 is the honest answer past the access check.
     */
    record Row(String endpoint, Set<Role> allowed, boolean isPublic, String in, String out, Body body, boolean absentOk) {
        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }
    }

    private record Fixtures(long unit, long otherUnit, long member, long verifiable, long otherMember, long enrolment,
                            long otherEnrolment, long draft, long submittable, long otherClaim, long document,
                            long otherDocument, long rosterImport, long otherRosterImport, long bill, long otherBill,
                            long batch, String payout, long statement, long statementLine, long decidedTransfer) {
    }

    private static Fixtures fixtures;

    @Test
    void everyEndpointOfTheApplicationIsInTheMatrixAndDeclaresTheRightItsRowExpects() {
        Map<String, Row> rows = rows(fixtures());
        Set<String> missing = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String key : keys(e.getKey())) {
                seen.add(key);
                Row row = rows.get(key);
                Right right = EndpointAccess.required(e.getValue());
                if (row == null) {
                    missing.add(key);
                } else if (right == null) {
                    wrong.add(key + " declares no right");
                } else if (right.isPublic() != row.isPublic()
                        || (!row.isPublic() && !EnumSet.allOf(Role.class).stream().filter(right::heldBy)
                                .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Role.class))).equals(row.allowed()))) {
                    wrong.add(key + " declares " + right + " but the matrix expects " + (row.isPublic() ? "PUBLIC" : row.allowed()));
                }
            }
        }
        assertThat(missing).as("endpoints without a row in the matrix").isEmpty();
        assertThat(wrong).as("endpoints whose declaration differs from the matrix").isEmpty();
        assertThat(new TreeSet<>(rows.keySet())).as("rows of endpoints the application no longer has").isSubsetOf(seen);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsWhatTheMatrixSaysInAndOutOfScope() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows(fixtures()).values()) {
            tests.add(DynamicTest.dynamicTest(row.endpoint() + " · nobody logged in", () -> {
                int status = call(null, row, row.in());
                if (row.isPublic()) assertThat(status).as(row.endpoint()).isNotIn(401, 403);
                else if (row.in().startsWith("/api/") || row.in().startsWith("/fhir/")) assertThat(status).as(row.endpoint()).isEqualTo(401);
                else assertThat(status).as(row.endpoint() + " sends a browser to the login page").isEqualTo(302);
            }));
            for (Map.Entry<Role, String> caller : CALLERS.entrySet()) {
                Role role = caller.getKey();
                boolean allowed = row.isPublic() || row.allowed().contains(role);
                tests.add(DynamicTest.dynamicTest(row.endpoint() + " · " + role + " in scope", () -> {
                    int status = call(caller.getValue(), row, row.in());
                    if (!allowed) {
                        assertThat(status).as(row.endpoint() + " as " + role).isEqualTo(403);
                    } else if (row.method().equals("GET") && !row.absentOk()) {
                        assertThat(status).as(row.endpoint() + " as " + role).isBetween(200, 299);
                    } else {
                        assertThat(status).as(row.endpoint() + " as " + role).isNotIn(401, 403, 500);
                        if (!row.absentOk()) assertThat(status).as(row.endpoint() + " as " + role).isNotEqualTo(404);
                    }
                }));
                if (row.out() != null && allowed && SCOPED.contains(role)) {
                    tests.add(DynamicTest.dynamicTest(row.endpoint() + " · " + role + " out of scope", () -> {
                        int status = call(caller.getValue(), row, row.out());
                        assertThat(status).as(row.endpoint() + " as " + role + " outside their scope").isEqualTo(404);
                    }));
                }
            }
        }
        return tests.stream();
    }

    // ------------------------------------------------------------------ the matrix

    private Map<String, Row> rows(Fixtures f) {
        Map<String, Row> rows = new LinkedHashMap<>();
        String claim = "/api/v1/claims/";
        // public
        add(rows, publicRow("POST /api/v1/benefit-calculations", "/api/v1/benefit-calculations", Body.EMPTY_JSON));
        add(rows, publicRow("GET /api/v1/catalogue", "/api/v1/catalogue", Body.NONE));
        add(rows, publicRow("GET /api/v1/catalogue/versions", "/api/v1/catalogue/versions", Body.NONE));
        add(rows, publicRow("GET /login", "/login", Body.NONE));
        // the payment provider's notifications: unsigned, so refused with 400 before anything changes
        add(rows, publicRow("POST /api/v1/payment-notifications/{provider}", "/api/v1/payment-notifications/simpay", Body.EMPTY_JSON));
        // anyone logged in
        add(rows, row("GET /", SIGNED_IN, "/", null, Body.NONE));
        add(rows, row("GET /api/v1/me", SIGNED_IN, "/api/v1/me", null, Body.NONE));
        // own account and login: a wrong old password, no code; the enrolment started stays pending (not enabled)
        add(rows, publicRow("GET /api/v1/login-options", "/api/v1/login-options", Body.NONE));
        add(rows, row("POST /api/v1/me/password", SIGNED_IN, "/api/v1/me/password", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/me/two-factor", SIGNED_IN, "/api/v1/me/two-factor", null, Body.NONE));
        add(rows, row("POST /api/v1/me/two-factor/confirm", SIGNED_IN, "/api/v1/me/two-factor/confirm", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/login/code", SIGNED_IN, "/api/v1/login/code", null, Body.EMPTY_JSON));
        // the member app (掌上办): its page and signing in are public (empty input is refused); signing out ends any session
        add(rows, publicRow("GET /m/", "/m/", Body.NONE));
        add(rows, row("GET /api/v1/m/cover", EnumSet.of(Role.MEMBER), "/api/v1/m/cover", null, Body.NONE));
        // each download issues a certificate of the caller's own: the matrix adds one row for the demo worker
        add(rows, row("GET /api/v1/m/cover-certificate", EnumSet.of(Role.MEMBER), "/api/v1/m/cover-certificate", null, Body.NONE));
        add(rows, publicRow("GET /verify/{token}", "/verify/made-up", Body.NONE));
        // a made-up token: 404 is the honest answer to anyone
        add(rows, new Row("GET /api/v1/cover-certificates/{token}", NOBODY, true, "/api/v1/cover-certificates/made-up", null,
                Body.NONE, true));
        // the other documents with a QR code (缴费通知单, 缴费凭证, 参保人员名单): a made-up token is a 404 to anyone
        add(rows, new Row("GET /api/v1/document-verifications/{token}", NOBODY, true, "/api/v1/document-verifications/made-up", null,
                Body.NONE, true));
        add(rows, publicRow("POST /api/v1/m/sign-in/code", "/api/v1/m/sign-in/code", Body.EMPTY_JSON));
        add(rows, publicRow("POST /api/v1/m/sign-in", "/api/v1/m/sign-in", Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/m/sign-out", SIGNED_IN, "/api/v1/m/sign-out", null, Body.NONE));
        add(rows, row("GET /api/v1/m/real-name", EnumSet.of(Role.MEMBER), "/api/v1/m/real-name", null, Body.NONE));
        add(rows, row("POST /api/v1/m/real-name", EnumSet.of(Role.MEMBER), "/api/v1/m/real-name", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/m/gift-cover", EnumSet.of(Role.MEMBER), "/api/v1/m/gift-cover", null, Body.NONE));
        add(rows, row("POST /api/v1/m/gift-cover", EnumSet.of(Role.MEMBER), "/api/v1/m/gift-cover", null, Body.EMPTY_JSON));
        // 参保缴费: the demo worker has a unit, so enrolling themself is refused (409) and changes nothing
        add(rows, row("GET /api/v1/m/enrolment", EnumSet.of(Role.MEMBER), "/api/v1/m/enrolment", null, Body.NONE));
        add(rows, row("POST /api/v1/m/enrolment/quote", EnumSet.of(Role.MEMBER), "/api/v1/m/enrolment/quote", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/m/enrolments", EnumSet.of(Role.MEMBER), "/api/v1/m/enrolments", null, Body.EMPTY_JSON));
        add(rows, absentRow("GET /api/v1/m/enrolments/{id}", EnumSet.of(Role.MEMBER), "/api/v1/m/enrolments/999999999", Body.NONE));
        add(rows, absentRow("POST /api/v1/m/enrolments/{id}/payment", EnumSet.of(Role.MEMBER), "/api/v1/m/enrolments/999999999/payment",
                Body.NONE));
        add(rows, absentRow("GET /api/v1/m/enrolments/{id}/payments/{orderNo}", EnumSet.of(Role.MEMBER),
                "/api/v1/m/enrolments/999999999/payments/HZP000", Body.NONE));
        add(rows, absentRow("POST /api/v1/m/enrolments/{id}/cancellation", EnumSet.of(Role.MEMBER),
                "/api/v1/m/enrolments/999999999/cancellation", Body.NONE));
        add(rows, row("GET /api/v1/m/bank-card", EnumSet.of(Role.MEMBER), "/api/v1/m/bank-card", null, Body.NONE));
        add(rows, row("POST /api/v1/m/bank-card", EnumSet.of(Role.MEMBER), "/api/v1/m/bank-card", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/m/phone/code", EnumSet.of(Role.MEMBER), "/api/v1/m/phone/code", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/m/phone", EnumSet.of(Role.MEMBER), "/api/v1/m/phone", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/m/bank-card/issuer", EnumSet.of(Role.MEMBER), "/api/v1/m/bank-card/issuer", null, Body.EMPTY_JSON));
        // accounts (系统管理 → 用户): in scope the demo unit's operator, out of scope demo-jingmen; changes aim at
        // a made-up account or carry empty input
        Set<Role> accountManagers = EnumSet.of(Role.ADMIN, Role.UNION_STAFF);
        String account = "/api/v1/accounts/" + accountId("demo-unit");
        String otherAccount = "/api/v1/accounts/" + accountId("demo-jingmen");
        add(rows, row("GET /api/v1/accounts", accountManagers, "/api/v1/accounts", null, Body.NONE));
        add(rows, row("POST /api/v1/accounts", accountManagers, "/api/v1/accounts", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/accounts/{id}", accountManagers, account, otherAccount, Body.NONE));
        add(rows, row("PUT /api/v1/accounts/{id}", accountManagers, account, otherAccount, Body.EMPTY_JSON));
        add(rows, row("PUT /api/v1/accounts/{id}/scope", accountManagers, account + "/scope", otherAccount + "/scope", Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/accounts/{id}/enable", accountManagers, account + "/enable", otherAccount + "/enable", Body.NONE));
        add(rows, new Row("POST /api/v1/accounts/{id}/disable", accountManagers, false, "/api/v1/accounts/999999999/disable",
                otherAccount + "/disable", Body.NONE, true));
        add(rows, new Row("POST /api/v1/accounts/{id}/password-reset", accountManagers, false, "/api/v1/accounts/999999999/password-reset",
                otherAccount + "/password-reset", Body.NONE, true));
        add(rows, new Row("POST /api/v1/accounts/{id}/two-factor-reset", accountManagers, false, "/api/v1/accounts/999999999/two-factor-reset",
                otherAccount + "/two-factor-reset", Body.NONE, true));
        // notifications
        Set<Role> notificationReaders = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.REVIEWER);
        add(rows, row("GET /api/v1/members/{memberId}/messages", notificationReaders, "/api/v1/members/" + f.member() + "/messages",
                "/api/v1/members/" + f.otherMember() + "/messages", Body.NONE));
        add(rows, row("GET /api/v1/members/{memberId}/notification-preferences", ALL,
                "/api/v1/members/" + f.member() + "/notification-preferences",
                "/api/v1/members/" + f.otherMember() + "/notification-preferences", Body.NONE));
        add(rows, row("PUT /api/v1/members/{memberId}/notification-preferences",
                EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR, Role.MEMBER),
                "/api/v1/members/" + f.member() + "/notification-preferences",
                "/api/v1/members/" + f.otherMember() + "/notification-preferences", Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/inbox", SIGNED_IN, "/api/v1/inbox", null, Body.NONE));
        add(rows, row("GET /api/v1/inbox/unread", SIGNED_IN, "/api/v1/inbox/unread", null, Body.NONE));
        add(rows, absentRow("POST /api/v1/inbox/{id}/read", SIGNED_IN, "/api/v1/inbox/999999999/read", Body.NONE));
        add(rows, row("POST /api/v1/inbox/read-all", SIGNED_IN, "/api/v1/inbox/read-all", null, Body.NONE));
        add(rows, row("GET /api/v1/notification-templates", notificationReaders, "/api/v1/notification-templates", null, Body.NONE));
        add(rows, row("GET /api/v1/notification-templates/{code}", notificationReaders, "/api/v1/notification-templates/CLAIM_RECEIVED",
                null, Body.NONE));
        add(rows, row("POST /api/v1/notification-templates/{code}/versions", EnumSet.of(Role.ADMIN),
                "/api/v1/notification-templates/CLAIM_RECEIVED/versions", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/notification-templates/preview", notificationReaders, "/api/v1/notification-templates/preview",
                null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/notification-templates/vocabulary", notificationReaders,
                "/api/v1/notification-templates/vocabulary", null, Body.NONE));
        add(rows, row("GET /api/v1/notifications/statistics", notificationReaders, "/api/v1/notifications/statistics", null, Body.NONE));
        add(rows, row("GET /api/v1/calendar/{year}", SIGNED_IN, "/api/v1/calendar/2026", null, Body.NONE));
        add(rows, row("PUT /api/v1/calendar/{year}", EnumSet.of(Role.ADMIN), "/api/v1/calendar/2026", null, Body.EMPTY_JSON));
        // operation log and login log: union staff read the rows of their own part of the tree (OperationLogApiTest)
        Set<Role> logReaders = EnumSet.of(Role.ADMIN, Role.UNION_STAFF);
        add(rows, row("GET /api/v1/operation-logs", logReaders, "/api/v1/operation-logs?limit=5", null, Body.NONE));
        add(rows, row("GET /api/v1/operation-logs/export", logReaders, "/api/v1/operation-logs/export?from=2026-01-01&to=2026-01-01", null, Body.NONE));
        add(rows, row("GET /api/v1/login-logs", logReaders, "/api/v1/login-logs?limit=5", null, Body.NONE));
        add(rows, row("GET /api/v1/login-logs/export", logReaders, "/api/v1/login-logs/export?from=2026-01-01&to=2026-01-01", null, Body.NONE));
        // organisation
        add(rows, row("GET /api/v1/organisations", STAFF, "/api/v1/organisations", null, Body.NONE));
        add(rows, row("GET /api/v1/units", STAFF, "/api/v1/units", null, Body.NONE));
        add(rows, row("GET /api/v1/units.xlsx", STAFF, "/api/v1/units.xlsx", null, Body.NONE));
        add(rows, row("GET /api/v1/units/{id}", STAFF, "/api/v1/units/" + f.unit(), "/api/v1/units/" + f.otherUnit(), Body.NONE));
        add(rows, row("POST /api/v1/units", EnumSet.of(Role.ADMIN, Role.UNION_STAFF), "/api/v1/units", null, Body.EMPTY_JSON));
        // organisation administration: 江岸区 is inside demo-wuhan's city, 东宝区 in 荆门 outside it
        Set<Role> organisers = EnumSet.of(Role.ADMIN, Role.UNION_STAFF);
        Map<String, Long> offices = organisationIdsByName();
        String node = "/api/v1/organisations/" + offices.get("江岸区总工会");
        String otherNode = "/api/v1/organisations/" + offices.get("东宝区总工会");
        add(rows, row("POST /api/v1/organisations", organisers, "/api/v1/organisations", null, Body.EMPTY_JSON));
        add(rows, row("PUT /api/v1/organisations/{id}/name", organisers, node + "/name", otherNode + "/name", Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/organisations/{id}/move", organisers, node + "/move", otherNode + "/move", Body.EMPTY_JSON));
        // 江岸区 has active units: closing it is refused
        add(rows, row("POST /api/v1/organisations/{id}/close", organisers, node + "/close", otherNode + "/close", Body.NONE));
        // below a county the division file has nothing to add
        add(rows, row("POST /api/v1/organisations/{id}/divisions", organisers, node + "/divisions", otherNode + "/divisions", Body.NONE));
        add(rows, row("GET /api/v1/organisations/{id}/history", organisers, node + "/history", otherNode + "/history", Body.NONE));
        add(rows, row("PATCH /api/v1/units/{id}", organisers, "/api/v1/units/" + f.unit(), "/api/v1/units/" + f.otherUnit(), Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/units/{id}/history", STAFF, "/api/v1/units/" + f.unit() + "/history",
                "/api/v1/units/" + f.otherUnit() + "/history", Body.NONE));
        add(rows, row("POST /api/v1/units/imports [multipart]", organisers, "/api/v1/units/imports", null, Body.EMPTY_FILE));
        add(rows, row("GET /api/v1/units/import-template.xlsx", organisers, "/api/v1/units/import-template.xlsx", null, Body.NONE));
        // members and enrolments
        add(rows, row("GET /api/v1/members", ALL, "/api/v1/members", null, Body.NONE));
        add(rows, row("GET /api/v1/members.xlsx", ALL, "/api/v1/members.xlsx", null, Body.NONE));
        add(rows, row("POST /api/v1/members", EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR), "/api/v1/members", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/members/{id}", ALL, "/api/v1/members/" + f.member(), "/api/v1/members/" + f.otherMember(), Body.NONE));
        add(rows, row("GET /api/v1/members/{id}/enrolments", ALL, "/api/v1/members/" + f.member() + "/enrolments",
                "/api/v1/members/" + f.otherMember() + "/enrolments", Body.NONE));
        add(rows, row("POST /api/v1/members/{id}/real-name-verification", EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR),
                "/api/v1/members/" + f.verifiable() + "/real-name-verification",
                "/api/v1/members/" + f.otherMember() + "/real-name-verification", Body.EMPTY_JSON));
        add(rows, row("PUT /api/v1/members/{id}/bank-account", EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR, Role.MEMBER),
                "/api/v1/members/" + f.member() + "/bank-account", "/api/v1/members/" + f.otherMember() + "/bank-account", Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/members/{id}/bank-account-changes", ALL, "/api/v1/members/" + f.member() + "/bank-account-changes",
                "/api/v1/members/" + f.otherMember() + "/bank-account-changes", Body.NONE));
        Set<Role> payeeApprovers = EnumSet.of(Role.ADMIN, Role.UNION_STAFF);
        add(rows, new Row("POST /api/v1/members/{id}/bank-account-changes/{changeId}/approve", payeeApprovers, false,
                "/api/v1/members/" + f.member() + "/bank-account-changes/999999999/approve",
                "/api/v1/members/" + f.otherMember() + "/bank-account-changes/999999999/approve", Body.EMPTY_JSON, true));
        add(rows, new Row("POST /api/v1/members/{id}/bank-account-changes/{changeId}/reject", payeeApprovers, false,
                "/api/v1/members/" + f.member() + "/bank-account-changes/999999999/reject",
                "/api/v1/members/" + f.otherMember() + "/bank-account-changes/999999999/reject", Body.EMPTY_JSON, true));
        // 人员变动: empty bodies are refused (400; the living demo worker has no heir payee: 409), so nothing changes
        Set<Role> lifeStaff = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR);
        String life = "/api/v1/members/" + f.member();
        String otherLife = "/api/v1/members/" + f.otherMember();
        add(rows, row("GET /api/v1/units/{unitId}/members", EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.REVIEWER, Role.FINANCE,
                Role.UNIT_OPERATOR), "/api/v1/units/" + f.unit() + "/members", "/api/v1/units/" + f.otherUnit() + "/members", Body.NONE));
        add(rows, row("POST /api/v1/members/{id}/leaving", lifeStaff, life + "/leaving", otherLife + "/leaving", Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/members/{id}/death", lifeStaff, life + "/death", otherLife + "/death", Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/members/{id}/life-events", ALL, life + "/life-events", otherLife + "/life-events", Body.NONE));
        add(rows, row("POST /api/v1/members/{id}/corrections", lifeStaff, life + "/corrections", otherLife + "/corrections", Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/members/{id}/corrections", ALL, life + "/corrections", otherLife + "/corrections", Body.NONE));
        add(rows, new Row("POST /api/v1/members/{id}/corrections/{correctionId}/approve", payeeApprovers, false,
                life + "/corrections/999999999/approve", otherLife + "/corrections/999999999/approve", Body.EMPTY_JSON, true));
        add(rows, new Row("POST /api/v1/members/{id}/corrections/{correctionId}/reject", payeeApprovers, false,
                life + "/corrections/999999999/reject", otherLife + "/corrections/999999999/reject", Body.EMPTY_JSON, true));
        add(rows, row("POST /api/v1/members/{id}/heir-payee", lifeStaff, life + "/heir-payee", otherLife + "/heir-payee", Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/members/{id}/heir-payee-changes", ALL, life + "/heir-payee-changes", otherLife + "/heir-payee-changes",
                Body.NONE));
        add(rows, new Row("POST /api/v1/members/{id}/heir-payee-changes/{changeId}/approve", payeeApprovers, false,
                life + "/heir-payee-changes/999999999/approve", otherLife + "/heir-payee-changes/999999999/approve", Body.EMPTY_JSON, true));
        add(rows, new Row("POST /api/v1/members/{id}/heir-payee-changes/{changeId}/reject", payeeApprovers, false,
                life + "/heir-payee-changes/999999999/reject", otherLife + "/heir-payee-changes/999999999/reject", Body.EMPTY_JSON, true));
        Set<Role> transfers = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR);
        add(rows, row("POST /api/v1/member-transfers", transfers, "/api/v1/member-transfers", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/member-transfers", transfers, "/api/v1/member-transfers", null, Body.NONE));
        add(rows, row("GET /api/v1/member-transfers/summary", transfers, "/api/v1/member-transfers/summary", null, Body.NONE));
        add(rows, row("POST /api/v1/member-transfers/{id}/approve", transfers, "/api/v1/member-transfers/" + f.decidedTransfer() + "/approve",
                null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/member-transfers/{id}/reject", transfers, "/api/v1/member-transfers/" + f.decidedTransfer() + "/reject",
                null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/enrolments", EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR), "/api/v1/enrolments", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/units/{unitId}/insured-list.pdf", EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR),
                "/api/v1/units/" + f.unit() + "/insured-list.pdf", "/api/v1/units/" + f.otherUnit() + "/insured-list.pdf", Body.NONE));
        add(rows, row("GET /api/v1/enrolments/{id}", ALL, "/api/v1/enrolments/" + f.enrolment(), "/api/v1/enrolments/" + f.otherEnrolment(), Body.NONE));
        // cancellations (退保与退费): asked by unit operators and union staff, a refund approved by a second person
        Set<Role> cancellers = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR);
        Set<Role> cancellationApprovers = EnumSet.of(Role.ADMIN, Role.UNION_STAFF);
        add(rows, row("GET /api/v1/enrolments/{id}/cancellation-preview", cancellers, "/api/v1/enrolments/" + f.enrolment()
                + "/cancellation-preview", "/api/v1/enrolments/" + f.otherEnrolment() + "/cancellation-preview", Body.NONE));
        add(rows, row("POST /api/v1/enrolments/{id}/cancellations", cancellers, "/api/v1/enrolments/" + f.enrolment() + "/cancellations",
                "/api/v1/enrolments/" + f.otherEnrolment() + "/cancellations", Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/bills/{id}/cancellations", cancellers, "/api/v1/bills/" + f.bill() + "/cancellations",
                "/api/v1/bills/" + f.otherBill() + "/cancellations", Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/enrolment-cancellations", cancellers, "/api/v1/enrolment-cancellations", null, Body.NONE));
        add(rows, absentRow("GET /api/v1/enrolment-cancellations/{id}", cancellers, "/api/v1/enrolment-cancellations/999999999", Body.NONE));
        add(rows, absentRow("POST /api/v1/enrolment-cancellations/{id}/approve", cancellationApprovers,
                "/api/v1/enrolment-cancellations/999999999/approve", Body.EMPTY_JSON));
        add(rows, absentRow("POST /api/v1/enrolment-cancellations/{id}/reject", cancellationApprovers,
                "/api/v1/enrolment-cancellations/999999999/reject", Body.EMPTY_JSON));
        add(rows, absentRow("PUT /api/v1/enrolment-cancellations/{id}/refund-account", cancellers,
                "/api/v1/enrolment-cancellations/999999999/refund-account", Body.EMPTY_JSON));
        Set<Role> rosterRoles = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR);
        add(rows, row("POST /api/v1/units/{unitId}/roster-imports [multipart]", rosterRoles, "/api/v1/units/" + f.unit() + "/roster-imports",
                "/api/v1/units/" + f.otherUnit() + "/roster-imports", Body.EMPTY_FILE));
        add(rows, row("GET /api/v1/units/{unitId}/roster-imports", rosterRoles, "/api/v1/units/" + f.unit() + "/roster-imports",
                "/api/v1/units/" + f.otherUnit() + "/roster-imports", Body.NONE));
        add(rows, row("GET /api/v1/roster-imports/{id}", rosterRoles, "/api/v1/roster-imports/" + f.rosterImport(),
                "/api/v1/roster-imports/" + f.otherRosterImport(), Body.NONE));
        add(rows, row("GET /api/v1/roster-imports/{id}/errors", rosterRoles, "/api/v1/roster-imports/" + f.rosterImport() + "/errors",
                "/api/v1/roster-imports/" + f.otherRosterImport() + "/errors", Body.NONE));
        add(rows, row("GET /api/v1/roster-imports/template.xlsx", rosterRoles, "/api/v1/roster-imports/template.xlsx", null, Body.NONE));
        Set<Role> renewing = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR);
        add(rows, row("POST /api/v1/units/{unitId}/renewals [multipart]", renewing, "/api/v1/units/" + f.unit() + "/renewals",
                "/api/v1/units/" + f.otherUnit() + "/renewals", Body.EMPTY_FILE));
        add(rows, row("GET /api/v1/units/{unitId}/renewals", renewing, "/api/v1/units/" + f.unit() + "/renewals",
                "/api/v1/units/" + f.otherUnit() + "/renewals", Body.NONE));
        add(rows, absentRow("GET /api/v1/renewals/{id}", renewing, "/api/v1/renewals/999999999", Body.NONE));
        add(rows, absentRow("GET /api/v1/renewals/{id}/lines", renewing, "/api/v1/renewals/999999999/lines", Body.NONE));
        add(rows, absentRow("PUT /api/v1/renewals/{id}/lines/{lineNo}", renewing, "/api/v1/renewals/999999999/lines/1", Body.EMPTY_JSON));
        add(rows, absentRow("POST /api/v1/renewals/{id}/lines", renewing, "/api/v1/renewals/999999999/lines", Body.EMPTY_JSON));
        add(rows, absentRow("POST /api/v1/renewals/{id}/confirm", renewing, "/api/v1/renewals/999999999/confirm", Body.NONE));
        add(rows, row("GET /api/v1/cover/expiring", renewing, "/api/v1/cover/expiring?unitId=" + f.unit(),
                "/api/v1/cover/expiring?unitId=" + f.otherUnit(), Body.NONE));
        add(rows, row("GET /api/v1/cover/lapsed", renewing, "/api/v1/cover/lapsed?unitId=" + f.unit(),
                "/api/v1/cover/lapsed?unitId=" + f.otherUnit(), Body.NONE));
        add(rows, row("GET /api/v1/cover/expiring.xlsx", renewing, "/api/v1/cover/expiring.xlsx?unitId=" + f.unit(),
                "/api/v1/cover/expiring.xlsx?unitId=" + f.otherUnit(), Body.NONE));
        add(rows, row("GET /api/v1/cover/lapsed.xlsx", renewing, "/api/v1/cover/lapsed.xlsx?unitId=" + f.unit(),
                "/api/v1/cover/lapsed.xlsx?unitId=" + f.otherUnit(), Body.NONE));
        add(rows, row("GET /api/v1/enrolments.xlsx", renewing, "/api/v1/enrolments.xlsx?unitId=" + f.unit(),
                "/api/v1/enrolments.xlsx?unitId=" + f.otherUnit(), Body.NONE));
        add(rows, row("GET /api/v1/roster-imports/template.csv", rosterRoles, "/api/v1/roster-imports/template.csv", null, Body.NONE));
        Set<Role> budgets = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.FINANCE);
        add(rows, row("GET /api/v1/subsidy-budgets", budgets, "/api/v1/subsidy-budgets", null, Body.NONE));
        add(rows, row("PUT /api/v1/subsidy-budgets", budgets, "/api/v1/subsidy-budgets", null, Body.EMPTY_JSON));
        // contributions, banking, ledger
        Set<Role> billReaders = EnumSet.of(Role.ADMIN, Role.FINANCE, Role.UNION_STAFF, Role.UNIT_OPERATOR);
        Set<Role> finance = EnumSet.of(Role.ADMIN, Role.FINANCE);
        add(rows, row("GET /api/v1/bills", billReaders, "/api/v1/bills", null, Body.NONE));
        add(rows, row("GET /api/v1/bills.xlsx", billReaders, "/api/v1/bills.xlsx", null, Body.NONE));
        add(rows, row("GET /api/v1/bills/{id}", billReaders, "/api/v1/bills/" + f.bill(), "/api/v1/bills/" + f.otherBill(), Body.NONE));
        add(rows, row("POST /api/v1/bills/{id}/payments", finance, "/api/v1/bills/" + f.bill() + "/payments", null, Body.EMPTY_JSON));
        add(rows, absentRow("POST /api/v1/bills/{id}/payments/{paymentId}/reversal", finance,
                "/api/v1/bills/" + f.bill() + "/payments/999999999/reversal", Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/union-subsidies/receipts", finance, "/api/v1/union-subsidies/receipts", null, Body.EMPTY_JSON));
        // payment truth (issue 16): documents of a bill (the receipt only once the bill is paid: 409 before, so any answer
        // past the access check is honest in scope; outside it still 404), declarations waiting for finance
        add(rows, row("GET /api/v1/bills/{id}/payment-notice.pdf", billReaders, "/api/v1/bills/" + f.bill() + "/payment-notice.pdf",
                "/api/v1/bills/" + f.otherBill() + "/payment-notice.pdf", Body.NONE));
        add(rows, new Row("GET /api/v1/bills/{id}/receipt.pdf", billReaders, false, "/api/v1/bills/" + f.bill() + "/receipt.pdf",
                "/api/v1/bills/" + f.otherBill() + "/receipt.pdf", Body.NONE, true));
        add(rows, row("GET /api/v1/payment-declarations", finance, "/api/v1/payment-declarations", null, Body.NONE));
        add(rows, row("GET /api/v1/payment-declarations/summary", finance, "/api/v1/payment-declarations/summary", null, Body.NONE));
        add(rows, absentRow("POST /api/v1/payment-declarations/{id}/confirmation", finance,
                "/api/v1/payment-declarations/999999999/confirmation", Body.NONE));
        add(rows, absentRow("POST /api/v1/payment-declarations/{id}/refusal", finance, "/api/v1/payment-declarations/999999999/refusal",
                Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/unconfirmed-payments", finance, "/api/v1/unconfirmed-payments", null, Body.NONE));
        add(rows, row("GET /api/v1/unconfirmed-payments/summary", finance, "/api/v1/unconfirmed-payments/summary", null, Body.NONE));
        add(rows, row("POST /api/v1/bank-statement-lines/{id}/assignment", finance,
                "/api/v1/bank-statement-lines/" + f.statementLine() + "/assignment", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/bank-statements [multipart]", finance, "/api/v1/bank-statements", null, Body.EMPTY_FILE));
        add(rows, row("GET /api/v1/bank-statements", finance, "/api/v1/bank-statements", null, Body.NONE));
        add(rows, row("GET /api/v1/bank-statements/{id}/lines", finance, "/api/v1/bank-statements/" + f.statement() + "/lines", null, Body.NONE));
        add(rows, row("GET /api/v1/bank-statement-lines", finance, "/api/v1/bank-statement-lines", null, Body.NONE));
        add(rows, row("GET /api/v1/bank-statement-lines.xlsx", finance, "/api/v1/bank-statement-lines.xlsx", null, Body.NONE));
        add(rows, row("GET /api/v1/bank-statement-lines/{id}", finance, "/api/v1/bank-statement-lines/" + f.statementLine(), null, Body.NONE));
        add(rows, row("POST /api/v1/reconciliations", finance, "/api/v1/reconciliations", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/reconciliations", finance, "/api/v1/reconciliations", null, Body.NONE));
        add(rows, row("GET /api/v1/online-receipts", finance, "/api/v1/online-receipts?outcome=UNMATCHED", null, Body.NONE));
        add(rows, absentRow("GET /api/v1/reconciliations/{date}", finance, "/api/v1/reconciliations/2000-01-03", Body.NONE));
        add(rows, row("GET /api/v1/ledger/trial-balance", finance, "/api/v1/ledger/trial-balance", null, Body.NONE));
        // claims
        Set<Role> filers = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.UNIT_OPERATOR, Role.MEMBER);
        Set<Role> deciders = EnumSet.of(Role.ADMIN, Role.REVIEWER);
        add(rows, row("GET /api/v1/claims", ALL, "/api/v1/claims", null, Body.NONE));
        add(rows, row("GET /api/v1/claims.xlsx", ALL, "/api/v1/claims.xlsx", null, Body.NONE));
        add(rows, row("POST /api/v1/claims", filers, "/api/v1/claims", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/claims [multipart]", filers, "/api/v1/claims", null, Body.EMPTY_FILE));
        add(rows, row("GET /api/v1/claims/{id}", ALL, claim + f.draft(), claim + f.otherClaim(), Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/submit", filers, claim + f.submittable() + "/submit", claim + f.otherClaim() + "/submit", Body.NONE));
        add(rows, row("GET /api/v1/claims/review-rules", deciders, "/api/v1/claims/review-rules", null, Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/approve", deciders, claim + f.draft() + "/approve", null, Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/reject", deciders, claim + f.draft() + "/reject", null, Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/payment-retry", EnumSet.of(Role.FINANCE), claim + f.draft() + "/payment-retry", null, Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/send-back", deciders, claim + f.draft() + "/send-back", null, Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/items", deciders, claim + f.draft() + "/items", null, Body.EMPTY_JSON));
        add(rows, row("PUT /api/v1/claims/{id}", filers, claim + f.draft(), claim + f.otherClaim(), Body.EMPTY_JSON));
        add(rows, new Row("POST /api/v1/claims/{id}/withdraw", filers, false, claim + "999999999/withdraw", claim + f.otherClaim() + "/withdraw",
                Body.NONE, true));
        add(rows, new Row("DELETE /api/v1/claims/{id}/documents/{documentId}", filers, false, claim + f.draft() + "/documents/999999999",
                claim + f.otherClaim() + "/documents/" + f.otherDocument(), Body.NONE, true));
        Set<Role> documentReaders = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.REVIEWER, Role.MEMBER);
        add(rows, row("GET /api/v1/claims/{id}/documents/{documentId}/pages", documentReaders,
                claim + f.draft() + "/documents/" + f.document() + "/pages", claim + f.otherClaim() + "/documents/" + f.otherDocument() + "/pages",
                Body.NONE));
        add(rows, row("GET /api/v1/claims/{id}/documents/{documentId}/pages/{page}", documentReaders,
                claim + f.draft() + "/documents/" + f.document() + "/pages/0",
                claim + f.otherClaim() + "/documents/" + f.otherDocument() + "/pages/0", Body.NONE));
        add(rows, new Row("POST /api/v1/claims/{id}/documents/{documentId}/diagnosis-suggestion", documentReaders, false,
                claim + f.draft() + "/documents/" + f.document() + "/diagnosis-suggestion",
                claim + f.otherClaim() + "/documents/" + f.otherDocument() + "/diagnosis-suggestion", Body.EMPTY_JSON, true));
        Set<Role> adders = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.REVIEWER, Role.UNIT_OPERATOR, Role.MEMBER);
        add(rows, row("POST /api/v1/claims/{id}/documents [multipart]", adders, claim + f.draft() + "/documents",
                claim + f.otherClaim() + "/documents", Body.DOCUMENT));
        add(rows, row("POST /api/v1/claims/{id}/documents/batch [multipart]", adders, claim + f.draft() + "/documents/batch",
                claim + f.otherClaim() + "/documents/batch", Body.DOCUMENT));
        add(rows, row("GET /api/v1/claims/{id}/documents", ALL, claim + f.draft() + "/documents", claim + f.otherClaim() + "/documents", Body.NONE));
        add(rows, row("GET /api/v1/claims/{id}/documents/{documentId}", EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.REVIEWER, Role.MEMBER),
                claim + f.draft() + "/documents/" + f.document(), claim + f.otherClaim() + "/documents/" + f.otherDocument(), Body.NONE));
        // appeals (申诉) and decision letters (决定书): the fixture's draft has no decision to appeal (409, 400 for the empty
        // upload) and no letter (404, honest past the access check)
        add(rows, row("POST /api/v1/claims/{id}/appeal [multipart]", filers, claim + f.draft() + "/appeal", claim + f.otherClaim() + "/appeal",
                Body.EMPTY_FILE));
        add(rows, row("POST /api/v1/claims/{id}/appeal/decision", deciders, claim + f.draft() + "/appeal/decision", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/claims/appeals", deciders, "/api/v1/claims/appeals", null, Body.NONE));
        add(rows, row("GET /api/v1/claims/appeals/summary", deciders, "/api/v1/claims/appeals/summary", null, Body.NONE));
        add(rows, new Row("GET /api/v1/claims/{id}/letters/{number}", ALL, false, claim + f.draft() + "/letters/1",
                claim + f.otherClaim() + "/letters/1", Body.NONE, true));
        // issue 19: holders of claims in review, the workload, follow-up notes; the draft is in no review, so taking and
        // reassigning it are refused (409); 江岸区 is inside demo-wuhan's city, 东宝区 outside it
        Set<Role> workload = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.REVIEWER);
        Set<Role> assigners = EnumSet.of(Role.ADMIN, Role.UNION_STAFF);
        Set<Role> noters = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.REVIEWER);
        Map<String, Long> reviewOffices = organisationIdsByName();
        add(rows, row("GET /api/v1/claim-workload", workload, "/api/v1/claim-workload", null, Body.NONE));
        add(rows, row("GET /api/v1/review-queue", workload, "/api/v1/review-queue", null, Body.NONE));
        add(rows, row("GET /api/v1/claims/{id}/assignment", workload, claim + f.draft() + "/assignment", claim + f.otherClaim() + "/assignment",
                Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/assignment/take", deciders, claim + f.draft() + "/assignment/take", null, Body.NONE));
        add(rows, row("GET /api/v1/claims/{id}/assignment/candidates", assigners, claim + f.draft() + "/assignment/candidates",
                claim + f.otherClaim() + "/assignment/candidates", Body.NONE));
        add(rows, row("PUT /api/v1/claims/{id}/assignment", assigners, claim + f.draft() + "/assignment",
                claim + f.otherClaim() + "/assignment", Body.EMPTY_JSON));
        add(rows, row("PUT /api/v1/review-offices/{id}/mode", assigners, "/api/v1/review-offices/" + reviewOffices.get("江岸区总工会") + "/mode",
                "/api/v1/review-offices/" + reviewOffices.get("东宝区总工会") + "/mode", Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/claims/{id}/notes", noters, claim + f.draft() + "/notes", claim + f.otherClaim() + "/notes", Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/notes", noters, claim + f.draft() + "/notes", claim + f.otherClaim() + "/notes",
                Body.EMPTY_JSON));
        // issue 19: post-payment checks and recoveries; the draft was never drawn (results refused, 409), recoveries made up
        Set<Role> auditors = EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.FINANCE);
        add(rows, row("GET /api/v1/claim-audits", auditors, "/api/v1/claim-audits", null, Body.NONE));
        add(rows, row("GET /api/v1/claim-audits/finding-codes", auditors, "/api/v1/claim-audits/finding-codes", null, Body.NONE));
        add(rows, row("GET /api/v1/claims/{id}/audit", auditors, claim + f.draft() + "/audit", null, Body.NONE));
        add(rows, row("POST /api/v1/claims/{id}/audit/result", deciders, claim + f.draft() + "/audit/result", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/claims/{id}/audit/confirmation", deciders, claim + f.draft() + "/audit/confirmation", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/claims/{id}/audit/refusal", deciders, claim + f.draft() + "/audit/refusal", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/recoveries", auditors, "/api/v1/recoveries", null, Body.NONE));
        add(rows, absentRow("POST /api/v1/recoveries/{id}/repayments", finance, "/api/v1/recoveries/999999999/repayments", Body.EMPTY_JSON));
        add(rows, absentRow("POST /api/v1/recoveries/{id}/write-off", finance, "/api/v1/recoveries/999999999/write-off", Body.EMPTY_JSON));
        add(rows, absentRow("POST /api/v1/recoveries/{id}/write-off/approval", finance, "/api/v1/recoveries/999999999/write-off/approval",
                Body.NONE));
        add(rows, absentRow("POST /api/v1/recoveries/{id}/write-off/refusal", finance, "/api/v1/recoveries/999999999/write-off/refusal",
                Body.NONE));
        // the worker's own claims in the member app (掌上办): anyone else's answer 404; changes carry empty input, or aim
        // at a made-up claim where the move itself would change the fixture
        Set<Role> worker = EnumSet.of(Role.MEMBER);
        String own = "/api/v1/m/claims/";
        add(rows, row("GET /api/v1/m/diagnoses", worker, "/api/v1/m/diagnoses?q=C50", null, Body.NONE));
        add(rows, row("GET /api/v1/m/photo-kinds", worker, "/api/v1/m/photo-kinds", null, Body.NONE));
        add(rows, row("POST /api/v1/m/claims [multipart]", worker, "/api/v1/m/claims", null, Body.EMPTY_FILE));
        add(rows, row("GET /api/v1/m/claims", worker, "/api/v1/m/claims", null, Body.NONE));
        add(rows, row("GET /api/v1/m/claims/{id}", worker, own + f.draft(), own + f.otherClaim(), Body.NONE));
        add(rows, row("PUT /api/v1/m/claims/{id}", worker, own + f.draft(), own + f.otherClaim(), Body.EMPTY_JSON));
        add(rows, row("PUT /api/v1/m/claims/{id}/receipts", worker, own + f.draft() + "/receipts", own + f.otherClaim() + "/receipts",
                Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/m/claims/{id}/items", worker, own + f.draft() + "/items", own + f.otherClaim() + "/items", Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/m/claims/{id}/photos [multipart]", worker, own + f.draft() + "/photos", own + f.otherClaim() + "/photos",
                Body.EMPTY_FILE));
        add(rows, new Row("POST /api/v1/m/claims/{id}/photos/{photoId}/diagnosis", worker, false,
                own + f.draft() + "/photos/" + f.document() + "/diagnosis", own + f.otherClaim() + "/photos/" + f.otherDocument() + "/diagnosis",
                Body.EMPTY_JSON, true));
        add(rows, new Row("DELETE /api/v1/m/claims/{id}/photos/{photoId}", worker, false, own + f.draft() + "/photos/999999999",
                own + f.otherClaim() + "/photos/" + f.otherDocument(), Body.NONE, true));
        add(rows, new Row("POST /api/v1/m/claims/{id}/submit", worker, false, own + "999999999/submit", own + f.otherClaim() + "/submit",
                Body.NONE, true));
        add(rows, new Row("POST /api/v1/m/claims/{id}/withdraw", worker, false, own + "999999999/withdraw", own + f.otherClaim() + "/withdraw",
                Body.NONE, true));
        add(rows, row("POST /api/v1/m/claims/{id}/appeal [multipart]", worker, own + f.draft() + "/appeal", own + f.otherClaim() + "/appeal",
                Body.EMPTY_FILE));
        add(rows, new Row("GET /api/v1/m/claims/{id}/letters/{number}", worker, false, own + f.draft() + "/letters/1",
                own + f.otherClaim() + "/letters/1", Body.NONE, true));
        add(rows, row("POST /api/v1/recognitions [multipart]", ALL, "/api/v1/recognitions", null, Body.EMPTY_FILE));
        // the hospital desk (工会+医院): 武汉市第一医院 is in scope for demo-wuhan and its own desk demo-hospital, 荆门市第二人民
        // 医院 out; changes carry empty input; the FHIR query an empty resource (400 OperationOutcome)
        String hospital = "/api/v1/hospitals/" + hospitalId("WHSDYYY");
        String otherHospital = "/api/v1/hospitals/" + hospitalId("JMSDERMYY");
        Set<Role> hospitalReaders = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.HOSPITAL);
        Set<Role> hospitalKeepers = EnumSet.of(Role.ADMIN, Role.UNION_STAFF);
        add(rows, row("GET /api/v1/hospitals", hospitalReaders, "/api/v1/hospitals", null, Body.NONE));
        add(rows, row("GET /api/v1/hospitals/{id}", hospitalReaders, hospital, otherHospital, Body.NONE));
        add(rows, row("GET /api/v1/hospitals/{id}/poster.pdf", hospitalReaders, hospital + "/poster.pdf", otherHospital + "/poster.pdf",
                Body.NONE));
        add(rows, row("POST /api/v1/hospitals", hospitalKeepers, "/api/v1/hospitals", null, Body.EMPTY_JSON));
        add(rows, row("PUT /api/v1/hospitals/{id}", hospitalKeepers, hospital, otherHospital, Body.EMPTY_JSON));
        add(rows, row("POST /fhir/r4/CoverageEligibilityRequest", EnumSet.of(Role.HOSPITAL), "/fhir/r4/CoverageEligibilityRequest", null,
                Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/claims/{id}/hospital", ALL, claim + f.draft() + "/hospital", claim + f.otherClaim() + "/hospital",
                Body.NONE));
        add(rows, row("GET /api/v1/m/hospitals/{code}", EnumSet.of(Role.MEMBER), "/api/v1/m/hospitals/WHSDYYY", null, Body.NONE));
        // payouts
        Set<Role> payoutReaders = EnumSet.of(Role.ADMIN, Role.FINANCE);
        Set<Role> payoutMakers = EnumSet.of(Role.FINANCE);
        add(rows, row("GET /api/v1/payout-batches", payoutReaders, "/api/v1/payout-batches", null, Body.NONE));
        add(rows, row("POST /api/v1/payout-batches", payoutMakers, "/api/v1/payout-batches", null, Body.NONE));
        add(rows, row("GET /api/v1/payout-batches/{id}", payoutReaders, "/api/v1/payout-batches/" + f.batch(), null, Body.NONE));
        add(rows, row("POST /api/v1/payout-batches/{id}/release", payoutMakers, "/api/v1/payout-batches/" + f.batch() + "/release", null, Body.NONE));
        add(rows, row("GET /api/v1/payouts", payoutReaders, "/api/v1/payouts", null, Body.NONE));
        add(rows, row("GET /api/v1/payouts.xlsx", payoutReaders, "/api/v1/payouts.xlsx", null, Body.NONE));
        add(rows, row("GET /api/v1/payouts/{reference}", payoutReaders, "/api/v1/payouts/" + f.payout(), null, Body.NONE));
        add(rows, row("POST /api/v1/payouts/{reference}/release-hold", payoutMakers, "/api/v1/payouts/" + f.payout() + "/release-hold", null, Body.NONE));
        add(rows, row("POST /api/v1/payouts/{reference}/reissue", payoutMakers, "/api/v1/payouts/" + f.payout() + "/reissue", null, Body.NONE));
        // campaigns (宣传推广): one chosen in the demo unit and one in 荆门, written directly (no texts)
        Set<Role> campaigners = EnumSet.of(Role.ADMIN, Role.UNION_STAFF);
        add(rows, row("POST /api/v1/campaigns/preview", campaigners, "/api/v1/campaigns/preview", null, Body.EMPTY_JSON));
        add(rows, row("POST /api/v1/campaigns", campaigners, "/api/v1/campaigns", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/campaigns", campaigners, "/api/v1/campaigns", null, Body.NONE));
        add(rows, row("GET /api/v1/campaigns/{id}", campaigners, "/api/v1/campaigns/" + campaign(f.unit()),
                "/api/v1/campaigns/" + campaign(f.otherUnit()), Body.NONE));
        // issue 17: targets, dashboards, drill-down and reports; 东宝区 is outside demo-wuhan's city, and a unit's operator
        // names no office but their unit (an office out of reach is chosen whose id is not the demo unit's)
        Set<Role> reporters = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.FINANCE, Role.REVIEWER, Role.UNIT_OPERATOR);
        long demoUnit = jdbc.sql("select unit_id from identity.account where username = 'demo-unit'").query(Long.class).single();
        long away = reviewOffices.get("东宝区总工会") != demoUnit ? reviewOffices.get("东宝区总工会") : reviewOffices.get("掇刀区总工会");
        String reporting = "/api/v1/reporting/";
        // the reports carry the money: not for reviewers (REPORT_MONEY)
        Set<Role> moneyReporters = EnumSet.of(Role.ADMIN, Role.UNION_STAFF, Role.FINANCE, Role.UNIT_OPERATOR);
        add(rows, row("GET /api/v1/reporting/targets", reporters, reporting + "targets", reporting + "targets?office=" + away, Body.NONE));
        add(rows, row("PUT /api/v1/reporting/targets/{year}/{orgId}", EnumSet.of(Role.ADMIN, Role.UNION_STAFF),
                reporting + "targets/2026/" + reviewOffices.get("江岸区总工会"), reporting + "targets/2026/" + away, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/reporting/dashboard", reporters, reporting + "dashboard", reporting + "dashboard?office=" + away, Body.NONE));
        add(rows, row("GET /api/v1/reporting/drilldown", reporters, reporting + "drilldown?figure=paid",
                reporting + "drilldown?figure=paid&office=" + away, Body.NONE));
        add(rows, row("POST /api/v1/reporting/reports", moneyReporters, reporting + "reports", null, Body.EMPTY_JSON));
        add(rows, row("GET /api/v1/reporting/reports", moneyReporters, reporting + "reports", reporting + "reports?office=" + away, Body.NONE));
        // a kept report of nobody's: 404 past the access check (ReportApiTest takes a real one in and out of scope)
        add(rows, absentRow("GET /api/v1/reporting/reports/{id}.xlsx", moneyReporters, reporting + "reports/999999999.xlsx", Body.NONE));
        add(rows, absentRow("GET /api/v1/reporting/reports/{id}.pdf", moneyReporters, reporting + "reports/999999999.pdf", Body.NONE));
        return rows;
    }

    private static void add(Map<String, Row> rows, Row row) {
        assertThat(rows.put(row.endpoint(), row)).as("one row per endpoint: " + row.endpoint()).isNull();
    }

    private static Row row(String endpoint, Set<Role> allowed, String in, String out, Body body) {
        return new Row(endpoint, allowed, false, in, out, body, false);
    }

    private static Row absentRow(String endpoint, Set<Role> allowed, String in, Body body) {
        return new Row(endpoint, allowed, false, in, null, body, true);
    }

    private static Row publicRow(String endpoint, String in, Body body) {
        return new Row(endpoint, NOBODY, true, in, null, body, false);
    }

    /** "METHOD /pattern", with " [multipart]" for mappings that consume multipart only. */
    private static List<String> keys(RequestMappingInfo info) {
        boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                .anyMatch(t -> t.getSubtype().equals("form-data"));
        List<String> keys = new ArrayList<>();
        Set<String> patterns = info.getPatternValues();
        var methods = info.getMethodsCondition().getMethods();
        for (String pattern : patterns) {
            if (pattern.startsWith("/error")) continue; // Spring Boot's error page, shown to everybody
            if (pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")) continue; // springdoc, secured by path
            for (var method : methods) keys.add(method.name() + " " + pattern + (multipart ? " [multipart]" : ""));
        }
        return keys;
    }

    private static final Map<Long, Long> CAMPAIGNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A campaign (no texts) chosen among a unit's workers, written once per run. */
    private long campaign(long unit) {
        return CAMPAIGNS.computeIfAbsent(unit, u -> jdbc.sql("""
                insert into notifications.campaign (name, template_code, template_version, segment, audience_name, scope_path, created_by,
                    created_at, matched, no_phone, no_consent, opted_out, excluded, queued)
                select '矩阵宣传', 'PUBLICITY_ENROL', 1, jsonb_build_object('kind', 'UNIT_NOT_ENROLLED', 'unitId', id), name, path, 'matrix',
                       now(), 0, 0, 0, 0, 0, 0
                  from organisation.unit where id = ? returning id""").param(u).query(Long.class).single());
    }

    private long hospitalId(String code) {
        return jdbc.sql("select id from hospitals.hospital where code = ?").param(code).query(Long.class).single();
    }

    private long accountId(String username) {
        return jdbc.sql("select id from identity.account where username = ?").param(username).query(Long.class).single();
    }

    // ------------------------------------------------------------------ calling

    private int call(String user, Row row, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        switch (row.body()) {
            case NONE -> request.method(row.method(), HttpRequest.BodyPublishers.noBody());
            case EMPTY_JSON -> request.header("Content-Type", "application/json")
                    .method(row.method(), HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
            case EMPTY_FILE, DOCUMENT -> {
                String boundary = "----matrix" + UUID.randomUUID();
                boolean document = row.body() == Body.DOCUMENT;
                String body = (document ? "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nACCIDENT_PROOF\r\n" : "")
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + (document ? "proof.pdf" : "empty.csv")
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + (document ? PDF : "") + "\r\n--" + boundary + "--\r\n";
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(row.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
        }
        return send(user, request).status();
    }

    // ------------------------------------------------------------------ fixtures

    private synchronized Fixtures fixtures() {
        if (fixtures != null) return fixtures;
        JsonNode unitOperator = get("demo-unit", "/api/v1/me").json();
        long unit = unitOperator.path("unitId").asLong();
        long member = get("demo-member", "/api/v1/me").json().path("memberId").asLong();
        long otherUnit = get("demo-jingmen", "/api/v1/units?limit=1").json().get(0).path("id").asLong();
        long verifiable = registered("demo-unit", unit);
        long otherMember = get("demo-jingmen", "/api/v1/members?limit=1").json().get(0).path("id").asLong();
        long enrolment = get("demo-member", "/api/v1/members/" + member + "/enrolments").json().get(0).path("id").asLong();
        long otherEnrolment = get("demo-jingmen", "/api/v1/members/" + otherMember + "/enrolments").json().get(0).path("id").asLong();
        long draft = draftClaim("demo-member", member);
        long submittable = draftClaim("demo-member", member);
        long otherClaim = draftClaim("demo-jingmen", otherMember);
        long document = document("demo-member", draft);
        long otherDocument = document("demo-jingmen", otherClaim);
        long rosterImport = rosterImport("demo-unit", unit);
        long otherRosterImport = rosterImport("demo-jingmen", otherUnit);
        long bill = get("demo-unit", "/api/v1/bills?unitId=" + unit + "&limit=1").json().get(0).path("id").asLong();
        long otherBill = get("demo-jingmen", "/api/v1/bills?limit=1").json().get(0).path("id").asLong();
        JsonNode batches = get("demo-finance", "/api/v1/payout-batches?limit=1").json();
        long batch = batches.get(0).path("id").asLong();
        String payout = get("demo-finance", "/api/v1/payouts?limit=1").json().get(0).path("reference").asString();
        String csv = "交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号\n" + today() + ",1.00,矩阵测试单位,6222020000000000000,无附言,MATRIX-"
                + UUID.randomUUID().toString().substring(0, 8) + "\n";
        Answer statement = upload("demo-finance", "/api/v1/bank-statements", "file", "matrix.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(statement.status()).as(statement.body()).isEqualTo(201);
        long statementId = statement.json().path("statementId").asLong();
        long line = get("demo-finance", "/api/v1/bank-statements/" + statementId + "/lines").json().get(0).path("id").asLong();
        long decidedTransfer = -1;
        // the demo unit's own transfers: a province's newest 100 may hold none of the demo's by now
        for (JsonNode t : get("demo-unit", "/api/v1/member-transfers?limit=500").json()) {
            if (!"REQUESTED".equals(t.path("status").asString()) && t.path("toUnitId").asLong() == unit) decidedTransfer = t.path("id").asLong();
        }
        assertThat(decidedTransfer).as("the demo's decided transfer into the demo unit").isPositive();
        fixtures = new Fixtures(unit, otherUnit, member, verifiable, otherMember, enrolment, otherEnrolment, draft, submittable,
                otherClaim, document, otherDocument, rosterImport, otherRosterImport, bill, otherBill, batch, payout, statementId, line,
                decidedTransfer);
        return fixtures;
    }

    private long registered(String user, long unit) {
        Answer answer = post(user, "/api/v1/members", JSON.writeValueAsString(Map.of("name", "矩阵职工",
                "idNumber", newIdNumber(java.time.LocalDate.of(1985, 6, 1), 'M'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private long draftClaim(String user, long member) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member);
        body.put("kind", "ACCIDENT");
        body.put("incidentDate", today().minusDays(10).toString());
        body.put("diagnoses", List.of("S82.201"));
        Answer answer = post(user, "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private static final String PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n";

    /** A one-page PDF (blank), so that the document can be shown page by page. */
    private static byte[] onePagePdf() {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A5));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long document(String user, long claim) {
        Answer answer = upload(user, "/api/v1/claims/" + claim + "/documents?kind=ACCIDENT_PROOF", "file", "proof.pdf", onePagePdf());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private long rosterImport(String user, long unit) {
        String csv = "姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\n矩阵,123,13800000000,REGULAR,BASIC,1,\n";
        Answer answer = upload(user, "/api/v1/units/" + unit + "/roster-imports", "file", "matrix.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        long id = answer.json().path("id").asLong();
        awaitJson(user, "/api/v1/roster-imports/" + id, j -> !"RUNNING".equals(j.path("status").asString()));
        return id;
    }
}
