package org.huzhu.identity;

import org.huzhu.shared.scope.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    record Me(String username, String displayName, String role, String roleName, String scopePath,
              Long orgNodeId, Long unitId, Long memberId) {
    }

    /** Who am I: the console uses it to choose what to show. */
    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal HuzhuUser user) {
        CurrentUser u = user.currentUser();
        return new Me(u.username(), user.displayName(), u.role().name(), u.role().chinese(), u.scopePath(),
                u.orgNodeId(), u.unitId(), u.memberId());
    }
}
