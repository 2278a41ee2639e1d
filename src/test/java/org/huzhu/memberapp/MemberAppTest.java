package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.support.ApiTest;
import org.huzhu.support.TextedCodes;
import org.springframework.beans.factory.annotation.Autowired;

/** Tests of the member app's screens for a signed-in worker: the worker registered by staff, then bound and signed in by phone. */
abstract class MemberAppTest extends ApiTest {

    @Autowired
    SimulatedSmsCentre centre;

    record Worker(long id, String name, String idNumber, String phone, AppClient app) {
    }

    /** A worker registered by staff (no phone yet) who binds {@code phone} in the app and is signed in. */
    Worker signedIn(String name, String idNumber, String employmentForm, String phone) {
        Answer registered = post("demo-admin", "/api/v1/members", json(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", employmentForm, "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        AppClient app = new AppClient(this::uri);
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        AppClient.Reply bound = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone,
                "code", TextedCodes.codeTextedTo(centre, phone, 1), "name", name, "idNumber", idNumber)));
        assertThat(bound.answer().json().path("signedIn").asBoolean()).as(bound.answer().body()).isTrue();
        return new Worker(registered.json().path("id").asLong(), name, idNumber, phone, app);
    }

    static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }
}
