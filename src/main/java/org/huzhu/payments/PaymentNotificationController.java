package org.huzhu.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ApiExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Where the payment provider posts its notifications. Public (the provider has no account) but
 * taken only when signed with the merchant's key; exempt from CSRF like the other public POST
 * endpoints. A taken notification is answered with the provider's expected body
 * ({@code {"code":"SUCCESS",...}}); a refused one with problem+json that also carries the
 * provider's {@code code: FAIL} and {@code message}, so the provider retries or gives up as it does.
 */
@RestController
@RequestMapping("/api/v1/payment-notifications")
@Tag(name = "在线支付通知", description = "支付渠道回调：支付结果通知（验签、幂等，无需登录）")
class PaymentNotificationController {

    private final OnlinePayments payments;

    PaymentNotificationController(OnlinePayments payments) {
        this.payments = payments;
    }

    @Requires(Right.PUBLIC)
    @PostMapping("/{provider}")
    @Operation(summary = "接收支付结果通知（支付渠道回调，验签后入账一次）")
    ResponseEntity<String> notification(@PathVariable String provider, @RequestHeader HttpHeaders headers,
                                        @RequestBody(required = false) String body) {
        Map<String, String> byName = new HashMap<>();
        headers.forEach((name, values) -> byName.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        String answer = payments.notification(provider, byName, body);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** A refused notification: problem+json with the provider's FAIL code beside it. */
    @RestControllerAdvice(assignableTypes = PaymentNotificationController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Refusals {

        @ExceptionHandler(NotificationRefusedException.class)
        ResponseEntity<ProblemDetail> refused(NotificationRefusedException e, HttpServletRequest request) {
            ResponseEntity<ProblemDetail> answer = ApiExceptionHandler.problem(HttpStatus.valueOf(e.status()), "支付通知未受理",
                    e.getMessage(), request);
            answer.getBody().setProperty("code", "FAIL");
            answer.getBody().setProperty("message", e.getMessage());
            return answer;
        }
    }
}
