package org.huzhu.shared.scope;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, and which part of the organisation tree they see. {@code scopePath} is a
 * materialised path prefix ({@code /1/5/}); a record is visible when its own path starts with
 * it. A member additionally sees only their own member record.
 *
 * <p>{@code role} is the account's primary role (its display, and what binds it to a node, unit or
 * member); {@code roles} holds it and every further role the account combines with it (e.g. union
 * staff who also review). Rights and {@link #is} consider every role. {@code hospitalId} is the partner hospital a
 * hospital desk account ({@link Role#HOSPITAL}) is bound to, null for every other account.
 */
public record CurrentUser(long accountId, String username, Role role, String scopePath,
                          Long orgNodeId, Long unitId, Long memberId, Set<Role> roles, Long hospitalId)
        implements java.io.Serializable {

    public CurrentUser {
        EnumSet<Role> all = EnumSet.of(role);
        if (roles != null) all.addAll(roles);
        roles = java.util.Collections.unmodifiableSet(all);
    }

    /** An account bound to no partner hospital. */
    public CurrentUser(long accountId, String username, Role role, String scopePath, Long orgNodeId, Long unitId, Long memberId,
                       Set<Role> roles) {
        this(accountId, username, role, scopePath, orgNodeId, unitId, memberId, roles, null);
    }

    /** An account with the one role. */
    public CurrentUser(long accountId, String username, Role role, String scopePath, Long orgNodeId, Long unitId, Long memberId) {
        this(accountId, username, role, scopePath, orgNodeId, unitId, memberId, Set.of());
    }

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

    /** Whether any of the caller's roles holds the right (the rights of each role are written in {@link Right}). */
    public boolean holds(Right right) {
        return right.heldBy(roles);
    }

    /** Whether the caller holds any of these roles (as primary or further role). */
    public boolean is(Role... wanted) {
        for (Role r : wanted) if (roles.contains(r)) return true;
        return false;
    }

    /** The rights of all the caller's roles, in declaration order. */
    public List<Right> rights() {
        return Right.of(roles);
    }

    /**
     * Whether the caller may give every one of these roles to an account: an administrator any role,
     * anyone else only roles whose every right they hold themselves, and a hospital desk account those
     * who keep the partner hospitals ({@link Right#HOSPITAL_MANAGE}), though they never query cover themselves.
     */
    public boolean mayGrant(Collection<Role> granted) {
        if (roles.contains(Role.ADMIN)) return true;
        List<Right> mine = rights();
        return granted.stream().allMatch(r -> mine.containsAll(Right.of(r)) || (r == Role.HOSPITAL && holds(Right.HOSPITAL_MANAGE)));
    }

    /** A LIKE pattern that matches every path inside the scope. */
    public String scopePattern() {
        return scopePath.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
