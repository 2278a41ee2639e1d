package org.huzhu.shared.scope;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, and which part of the organisation tree they see. {@code scopePath} is a
 * materialised path prefix ({@code /1/5/}); a record is visible when its own path starts with
 * it. A member additionally sees only their own member record.
 */
public record CurrentUser(long accountId, String username, Role role, String scopePath,
                          Long orgNodeId, Long unitId, Long memberId) implements java.io.Serializable {

    /** Implemented by the logged-in principal. */
    public interface Holder {
        CurrentUser currentUser();
    }

    /** The caller of the running request. */
    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Holder holder) return holder.currentUser();
        throw new IllegalStateException("no authenticated Huzhu user on this thread");
    }

    public boolean sees(String path) {
        return path != null && path.startsWith(scopePath);
    }

    /** Whether the caller's role holds the right (the rights of each role are written in {@link Right}). */
    public boolean holds(Right right) {
        return right.heldBy(role);
    }

    public boolean is(Role... roles) {
        for (Role r : roles) if (r == role) return true;
        return false;
    }

    /** A LIKE pattern that matches every path inside the scope. */
    public String scopePattern() {
        return scopePath.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
