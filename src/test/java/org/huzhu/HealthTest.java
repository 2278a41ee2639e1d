package org.huzhu;

import static org.assertj.core.api.Assertions.assertThat;

import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;

class HealthTest extends ApiTest {

    @Test
    void healthAnswersUpOnceReady() {
        Answer health = get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
    }

    @Test
    void openApiDescriptionAndUiAreServed() {
        Answer docs = get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/enrolments")).isTrue();
        assertThat(get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
