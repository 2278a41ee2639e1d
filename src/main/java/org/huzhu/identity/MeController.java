package org.huzhu.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final Clock clock;

    MeController(Clock clock) {
        this.clock = clock;
    }

    /** A right the caller holds, with its Chinese name. */
    record Held(String code, String name) {
    }

    record Me(String username, String displayName, String role, String roleName, String scopePath,
              Long orgNodeId, Long unitId, Long memberId, List<String> rights, List<Held> rightNames, LocalDate today) {
    }

    /**
     * Who am I: the console chooses what to show from the rights listed here, and takes the
     * business date ({@code today}, China time, from the server's clock) from here, never from the browser.
     */
    @GetMapping("/api/v1/me")
    @Requires(Right.SIGNED_IN)
    Me me(@AuthenticationPrincipal HuzhuUser user) {
        CurrentUser u = user.currentUser();
        List<Right> rights = Right.of(u.role());
        return new Me(u.username(), user.displayName(), u.role().name(), u.role().chinese(), u.scopePath(),
                u.orgNodeId(), u.unitId(), u.memberId(), rights.stream().map(Right::name).toList(),
                rights.stream().map(r -> new Held(r.name(), r.chinese())).toList(), LocalDate.now(clock));
    }
}
