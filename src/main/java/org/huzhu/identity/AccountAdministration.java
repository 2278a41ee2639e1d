package org.huzhu.identity;

import java.util.List;
import org.huzhu.identity.AccountRepository.Account;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Masks;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 系统管理 → 用户: accounts of staff (bound to an organisation node), unit operators (a unit) and
 * workers (a member). The scope path is always derived from the node, unit or member, never typed.
 * A caller keeps only accounts inside their own scope (others are 404) and grants only roles whose
 * every right they hold ({@link CurrentUser#mayGrant}); an administrator grants any role. An account
 * may combine the roles of a union office's staff ({@link Role#combinable}): the first is its primary
 * role, which binds it and which a later change keeps in the same kind (node, unit, member or partner hospital). A
 * hospital desk account ({@link Role#HOSPITAL}) is bound to a partner hospital inside the caller's scope and sees the
 * partner office's part of the tree. A new account
 * and a reset one get a one-time password, shown once, that must be changed at the next login.
 */
@Service
class AccountAdministration {

    static final String RECORD = "账户";

    private final AccountRepository repository;
    private final Organisations organisations;
    private final Members members;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final PersonalDataCipher cipher;
    private final TwoFactor twoFactor;
    private final HospitalPlaces hospitals;
    private final ApplicationEventPublisher events;

    AccountAdministration(AccountRepository repository, Organisations organisations, Members members, PasswordPolicy policy,
                          PasswordEncoder encoder, PersonalDataCipher cipher, TwoFactor twoFactor, HospitalPlaces hospitals,
                          ApplicationEventPublisher events) {
        this.hospitals = hospitals;
        this.events = events;
        this.repository = repository;
        this.organisations = organisations;
        this.members = members;
        this.policy = policy;
        this.encoder = encoder;
        this.cipher = cipher;
        this.twoFactor = twoFactor;
    }

    /** {@code roles}, the first primary, or else the one {@code role}; {@code hospitalId} for a hospital desk. */
    record NewAccount(String username, String displayName, String phone, String role, Long orgNodeId, Long unitId, Long memberId,
                      List<String> roles, Long hospitalId) {
    }

    /** {@code roles} (or {@code role}) only when the roles change; without them the roles stay. */
    record AccountEdit(String displayName, String phone, String role, List<String> roles) {
    }

    record Placement(Long orgNodeId, Long unitId, Long memberId, Long hospitalId) {
    }

    /** An account with the one-time password its holder must change (shown once, never stored in clear). */
    record Issued(Account account, String initialPassword) {
    }

    /** Where an account sits: the node, unit, member or hospital it is bound to and the scope derived from them. */
    private record Binding(Long orgNodeId, Long unitId, Long memberId, String scopePath, Long hospitalId) {
    }

    List<Account> list(CurrentUser caller, Long orgNodeId, String role, String status) {
        String scope = caller.scopePattern();
        if (orgNodeId != null) scope = escape(organisations.visibleNode(orgNodeId, caller).path()) + "%";
        Role wanted = role == null || role.isBlank() ? null : parseRole(role, new Checks());
        Boolean enabled = status == null || status.isBlank() ? null : "ACTIVE".equals(status) ? Boolean.TRUE
                : "DISABLED".equals(status) ? Boolean.FALSE : null;
        return repository.accountsUnder(scope, wanted, enabled, 1000);
    }

    Account visible(long id, CurrentUser caller) {
        return repository.account(id).filter(a -> caller.sees(a.scopePath()))
                .orElseThrow(() -> new NotFoundException("账户不存在"));
    }

    @Transactional
    Issued create(NewAccount command, CurrentUser caller) {
        requireManager(caller);
        Checks checks = new Checks();
        String username = command.username() == null ? null : command.username().strip();
        checks.require("username", username, "用户名");
        if (username != null && !username.isEmpty()) {
            checks.check(username.matches("[A-Za-z0-9][A-Za-z0-9._-]{2,49}"), "username",
                    "用户名应为3至50个字母、数字或 . _ -，以字母或数字开头");
            checks.check(!username.startsWith(PasswordConfiguration.DEMO_PREFIX), "username", "“demo-”开头的用户名只用于演示账号");
        }
        String displayName = displayName(command.displayName(), checks);
        String phone = phone(command.phone(), checks);
        List<Role> roles = roles(command.role(), command.roles(), checks);
        if (roles.isEmpty()) checks.add("role", "缺少角色");
        checks.throwIfInvalid();
        requireGrantable(caller, roles);
        Role role = roles.getFirst();
        Binding binding = bind(role, new Placement(command.orgNodeId(), command.unitId(), command.memberId(), command.hospitalId()),
                caller);
        if (repository.exists(username)) throw duplicate();
        String password = policy.oneTimePassword();
        long id;
        try {
            id = repository.insert(new Accounts.NewAccount(username, password, displayName, role, binding.orgNodeId(),
                    binding.unitId(), binding.memberId(), binding.scopePath(), false, true,
                    java.util.Set.copyOf(roles.subList(1, roles.size())), binding.hospitalId()), encoder.encode(password));
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        if (phone != null) repository.update(id, displayName, cipher.encrypt(phone), Masks.phone(phone));
        events.publishEvent(new StaffChanged(id));
        Audit.changed(RECORD, id, "用户名", null, username);
        Audit.changed(RECORD, id, "角色", null, names(roles));
        Audit.changed(RECORD, id, "数据范围", null, binding.scopePath());
        Audit.changed(RECORD, id, "密码", null, "已设置初始密码");
        return new Issued(repository.account(id).orElseThrow(), password);
    }

    @Transactional
    Account edit(long id, AccountEdit edit, CurrentUser caller) {
        Account account = managed(id, caller);
        Checks checks = new Checks();
        String displayName = displayName(edit.displayName(), checks);
        String phone = phone(edit.phone(), checks);
        List<Role> roles = roles(edit.role(), edit.roles(), checks);
        checks.throwIfInvalid();
        if (!roles.isEmpty() && !roles.equals(account.roles())) {
            requireGrantable(caller, roles);
            if (kind(roles.getFirst()) != kind(account.role())) {
                checks.add("roles", "主角色只能在同类角色间变更（工会组织人员、单位经办人、职工会员或合作医院），其他请新建账户");
                checks.throwIfInvalid();
            }
            repository.setRoles(id, roles);
            Audit.changed(RECORD, id, "角色", names(account.roles()), names(roles));
        }
        if (phone == null) {
            repository.rename(id, displayName); // no phone given: the one kept stays
        } else {
            repository.update(id, displayName, cipher.encrypt(phone), Masks.phone(phone));
            Audit.changed(RECORD, id, "手机号码", account.maskedPhone(), Masks.phone(phone));
        }
        events.publishEvent(new StaffChanged(id));
        Audit.changed(RECORD, id, "姓名", account.displayName(), displayName);
        return repository.account(id).orElseThrow();
    }

    @Transactional
    Account setEnabled(long id, boolean enabled, CurrentUser caller) {
        Account account = managed(id, caller);
        if (!enabled && id == caller.accountId()) throw new ConflictException("不能停用自己的账户");
        repository.setEnabled(id, enabled);
        events.publishEvent(new StaffChanged(id));
        Audit.changed(RECORD, id, "状态", account.enabled() ? "启用" : "停用", enabled ? "启用" : "停用");
        return repository.account(id).orElseThrow();
    }

    /** Moves an account to another node, unit or member inside the caller's scope. */
    @Transactional
    Account rescope(long id, Placement placement, CurrentUser caller) {
        Account account = managed(id, caller);
        Binding binding = bind(account.role(), placement, caller);
        repository.rescope(id, binding.orgNodeId(), binding.unitId(), binding.hospitalId(), binding.scopePath());
        events.publishEvent(new StaffChanged(id));
        Audit.changed(RECORD, id, "数据范围", account.scopePath(), binding.scopePath());
        Audit.changed(RECORD, id, "合作医院", account.hospitalId(), binding.hospitalId());
        return repository.account(id).orElseThrow();
    }

    @Transactional
    Issued resetPassword(long id, CurrentUser caller) {
        Account account = managed(id, caller);
        String password = policy.oneTimePassword();
        repository.setPassword(id, encoder.encode(password), true);
        Audit.changed(RECORD, id, "密码", null, "密码已重置");
        return new Issued(repository.account(id).orElseThrow(), password);
    }

    /**
     * Clears the account's two-factor login after its holder lost the phone and the recovery codes: a
     * second person (the caller) does it, never the holder for themself; they enrol again at next login.
     */
    @Transactional
    Account resetTwoFactor(long id, CurrentUser caller) {
        Account account = managed(id, caller);
        if (account.id() == caller.accountId()) {
            throw new ConflictException("id", "不能重置本人的两步验证：请由另一名管理员或工会工作人员办理");
        }
        if (!account.twoFactorEnabled()) throw new ConflictException("twoFactorEnabled", "该用户尚未启用两步验证");
        twoFactor.reset(id);
        Audit.changed(RECORD, id, "两步验证", "已启用", "已重置，须重新设置");
        return repository.account(id).orElseThrow();
    }

    /** An account in the caller's scope whose role the caller may grant. */
    private Account managed(long id, CurrentUser caller) {
        requireManager(caller);
        Account account = visible(id, caller);
        requireGrantable(caller, account.roles());
        return account;
    }

    private Binding bind(Role role, Placement placement, CurrentUser caller) {
        Checks checks = new Checks();
        switch (role) {
            case MEMBER -> {
                checks.require("memberId", placement.memberId(), "职工");
                checks.throwIfInvalid();
                Member member = members.visibleMember(placement.memberId(), caller);
                Unit unit = organisations.visibleUnit(member.unitId(), caller);
                return new Binding(unit.organisationId(), unit.id(), member.id(), unit.path(), null);
            }
            case UNIT_OPERATOR -> {
                checks.require("unitId", placement.unitId(), "所属单位");
                checks.throwIfInvalid();
                Unit unit = organisations.visibleUnit(placement.unitId(), caller);
                return new Binding(unit.organisationId(), unit.id(), null, unit.path(), null);
            }
            case HOSPITAL -> {
                checks.require("hospitalId", placement.hospitalId(), "合作医院");
                checks.throwIfInvalid();
                HospitalPlaces.Place hospital = hospitals.visible(placement.hospitalId(), caller);
                if (!hospital.active()) throw new ConflictException("hospitalId", "该医院已停止合作，不能为其开设账户");
                return new Binding(hospital.officeId(), null, null, hospital.officePath(), hospital.id());
            }
            default -> {
                checks.require("orgNodeId", placement.orgNodeId(), "所属工会组织");
                checks.throwIfInvalid();
                OrgNode node = organisations.visibleNode(placement.orgNodeId(), caller);
                return new Binding(node.id(), null, null, node.path(), null);
            }
        }
    }

    private static void requireManager(CurrentUser caller) {
        if (!caller.holds(Right.ACCOUNT_MANAGE)) throw new AccessDeniedException("no account management");
    }

    private static void requireGrantable(CurrentUser caller, List<Role> roles) {
        if (!caller.mayGrant(roles)) {
            throw new AccessDeniedException("may not grant " + roles);
        }
    }

    /** What an account of the role is bound to: 0 a union office, 1 a unit, 2 a member, 3 a partner hospital. */
    private static int kind(Role role) {
        return switch (role) {
            case MEMBER -> 2;
            case UNIT_OPERATOR -> 1;
            case HOSPITAL -> 3;
            default -> 0;
        };
    }

    /**
     * The roles asked for, primary first: {@code roles} when given (then {@code role}, if also given,
     * must be its first), else the one {@code role}; empty when neither. More than one only of the
     * combinable roles (a member, unit operator or administrator holds their one role only).
     */
    private static List<Role> roles(String role, List<String> roles, Checks checks) {
        if (roles == null || roles.isEmpty()) {
            return role == null ? List.of() : List.of(parseRole(role, checks));
        }
        java.util.LinkedHashSet<Role> parsed = new java.util.LinkedHashSet<>();
        for (String r : roles) {
            checks.require("roles", r, "角色");
            if (r != null && !r.isBlank()) parsed.add(parseRole(r, checks));
        }
        checks.throwIfInvalid();
        List<Role> list = List.copyOf(parsed);
        checks.check(role == null || role.equals(list.getFirst().name()), "role", "role 应为 roles 的第一个（主角色）");
        checks.check(list.size() == 1 || list.stream().allMatch(Role::combinable), "roles",
                "只有工会工作人员、审核员、财务人员可兼任；互助保障管理员、单位经办人、职工会员、合作医院只能单独授予");
        checks.throwIfInvalid();
        return list;
    }

    private static String names(List<Role> roles) {
        return String.join("、", roles.stream().map(Role::chinese).toList());
    }

    private static Role parseRole(String value, Checks checks) {
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            checks.add("role", "角色应为 ADMIN、UNION_STAFF、REVIEWER、FINANCE、UNIT_OPERATOR、MEMBER 或 HOSPITAL");
            checks.throwIfInvalid();
            return null;
        }
    }

    private static String displayName(String raw, Checks checks) {
        checks.require("displayName", raw, "姓名");
        if (raw == null) return null;
        String name = raw.strip();
        checks.check(name.length() <= 50, "displayName", "姓名过长（最多50个字）");
        return name;
    }

    private static String phone(String raw, Checks checks) {
        if (raw == null || raw.isBlank()) return null;
        String p = raw.strip().replace(" ", "").replace("-", "");
        if (p.startsWith("+86")) p = p.substring(3);
        checks.check(p.matches("1[3-9]\\d{9}"), "phone", "手机号码应为11位，以13至19开头");
        return p;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ConflictException duplicate() {
        return new ConflictException("username", "该用户名已被使用");
    }
}
