package org.huzhu.identity;

import java.util.List;
import java.util.Optional;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's front door: creating accounts bound to a part of the tree, and reaching their holders. */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;

    Accounts(AccountRepository repository, PasswordEncoder passwordEncoder, PersonalDataCipher cipher, ApplicationEventPublisher events) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.cipher = cipher;
        this.events = events;
    }

    /** A staff account sitting on a union office, as work is routed to it; {@code memberId} when it is also a worker's. */
    public record Staff(long accountId, String username, String displayName, long orgNodeId, Long memberId) {
    }

    /**
     * The enabled accounts holding {@code role} (as their primary or a further role) that sit on a union office,
     * by office and username: who reviews at, or is staff of, which office. Changes are told by {@link StaffChanged}.
     */
    public List<Staff> staff(Role role) {
        return repository.staff(role);
    }

    /**
     * How to reach an account's holder: display name, mobile number (decrypted; null when none is
     * recorded) and the part of the tree the account works in. For the notifications module only.
     */
    public record Contact(long accountId, String displayName, String phone, String scopePath) {
    }

    /** An enabled account's contact. */
    public Optional<Contact> contact(long accountId) {
        return repository.contact(accountId).map(this::contact);
    }

    /** The enabled operator accounts of a unit (who receive the unit's bills and cover reminders). */
    public List<Contact> unitOperators(long unitId) {
        return repository.unitOperators(unitId).stream().map(this::contact).toList();
    }

    private Contact contact(AccountRepository.ContactRow row) {
        return new Contact(row.id(), row.displayName(), row.phoneCipher() == null ? null : cipher.decrypt(row.phoneCipher()), row.scopePath());
    }

    /**
     * An account to create; {@code mustChangePassword} for a one-time password handed to its holder;
     * {@code extraRoles} the roles it holds besides its primary {@code role} (see {@link Role#combinable});
     * {@code hospitalId} the partner hospital of a hospital desk account ({@link Role#HOSPITAL}), else null.
     */
    public record NewAccount(String username, String password, String displayName, Role role, Long orgNodeId,
                             Long unitId, Long memberId, String scopePath, boolean demo, boolean mustChangePassword,
                             java.util.Set<Role> extraRoles, Long hospitalId) {

        public NewAccount {
            extraRoles = extraRoles == null ? java.util.Set.of() : java.util.Set.copyOf(extraRoles);
        }

        public NewAccount(String username, String password, String displayName, Role role, Long orgNodeId,
                          Long unitId, Long memberId, String scopePath, boolean demo, boolean mustChangePassword,
                          java.util.Set<Role> extraRoles) {
            this(username, password, displayName, role, orgNodeId, unitId, memberId, scopePath, demo, mustChangePassword, extraRoles, null);
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
        long id = repository.insert(account, passwordEncoder.encode(account.password()));
        events.publishEvent(new StaffChanged(id));
        return id;
    }

    public boolean exists(String username) {
        return repository.exists(username);
    }
}
