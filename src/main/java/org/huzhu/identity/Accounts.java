package org.huzhu.identity;

import org.huzhu.shared.scope.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's front door: creating accounts bound to a part of the tree. */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;

    Accounts(AccountRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * An account to create; {@code mustChangePassword} for a one-time password handed to its holder;
     * {@code extraRoles} the roles it holds besides its primary {@code role} (see {@link Role#combinable}).
     */
    public record NewAccount(String username, String password, String displayName, Role role, Long orgNodeId,
                             Long unitId, Long memberId, String scopePath, boolean demo, boolean mustChangePassword,
                             java.util.Set<Role> extraRoles) {

        public NewAccount {
            extraRoles = extraRoles == null ? java.util.Set.of() : java.util.Set.copyOf(extraRoles);
        }

        public NewAccount(String username, String password, String displayName, Role role, Long orgNodeId,
                          Long unitId, Long memberId, String scopePath, boolean demo, boolean mustChangePassword) {
            this(username, password, displayName, role, orgNodeId, unitId, memberId, scopePath, demo, mustChangePassword, null);
        }

        public NewAccount(String username, String password, String displayName, Role role, Long orgNodeId,
                          Long unitId, Long memberId, String scopePath, boolean demo) {
            this(username, password, displayName, role, orgNodeId, unitId, memberId, scopePath, demo, false);
        }
    }

    @Transactional
    public long create(NewAccount account) {
        return repository.insert(account, passwordEncoder.encode(account.password()));
    }

    public boolean exists(String username) {
        return repository.exists(username);
    }
}
