package org.huzhu.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final String ACCOUNT_COLUMNS = """
            id, username, display_name, role, extra_roles, org_node_id, unit_id, member_id, scope_path, enabled, demo,
            must_change_password, totp_enabled, phone_masked, created_at, hospital_id""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredAccount(CurrentUser user, String displayName, String passwordHash, boolean enabled, boolean demo)
            implements java.io.Serializable {
    }

    /** An account as administrators see it: never a password, a secret or a full phone number. */
    record Account(long id, String username, String displayName, Role role, Long orgNodeId, Long unitId, Long memberId,
                   String scopePath, boolean enabled, boolean demo, boolean mustChangePassword, boolean twoFactorEnabled,
                   String maskedPhone, OffsetDateTime createdAt, Set<Role> extraRoles, Long hospitalId) {

        /** The primary role first, then the further ones in declaration order. */
        List<Role> roles() {
            return Role.primaryFirst(role, extraRoles);
        }
    }

    /** What decides, on every request, what a logged-in account may do now; {@code roles} holds the primary one and the further ones. */
    record Standing(boolean enabled, boolean demo, Set<Role> roles, boolean mustChangePassword, boolean twoFactorEnabled) {
    }

    Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql("""
                select id, username, display_name, role, extra_roles, org_node_id, unit_id, member_id, scope_path,
                       password_hash, enabled, demo, hospital_id
                  from identity.account where username = ?""")
                .param(username)
                .query((rs, n) -> new StoredAccount(
                        new CurrentUser(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                                rs.getString("scope_path"), rs.getObject("org_node_id", Long.class),
                                rs.getObject("unit_id", Long.class), rs.getObject("member_id", Long.class), extraRoles(rs),
                                rs.getObject("hospital_id", Long.class)),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        rs.getBoolean("demo")))
                .optional();
    }

    /** The account a member signs in with (primary role MEMBER, bound to the member), if one was made. */
    Optional<StoredAccount> memberAccount(long memberId) {
        return jdbc.sql("select username from identity.account where member_id = ? and role = 'MEMBER' order by id limit 1")
                .param(memberId).query(String.class).optional().flatMap(this::findByUsername);
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from identity.account where lower(username) = lower(?)").param(username)
                .query(Long.class).single() > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from identity.account").query(Long.class).single();
    }

    long insert(Accounts.NewAccount account, String passwordHash) {
        return jdbc.sql("""
                insert into identity.account (username, password_hash, display_name, role, extra_roles, org_node_id, unit_id,
                                              member_id, scope_path, demo, must_change_password, hospital_id)
                values (:username, :hash, :displayName, :role, cast(:extra as text[]), :orgNodeId, :unitId, :memberId,
                        :scopePath, :demo, :mustChange, :hospitalId)
                returning id""")
                .param("username", account.username()).param("hash", passwordHash)
                .param("displayName", account.displayName()).param("role", account.role().name())
                .param("extra", names(account.extraRoles())).param("orgNodeId", account.orgNodeId()).param("unitId", account.unitId())
                .param("memberId", account.memberId()).param("scopePath", account.scopePath())
                .param("demo", account.demo()).param("mustChange", account.mustChangePassword())
                .param("hospitalId", account.hospitalId())
                .query(Long.class).single();
    }

    Optional<Account> account(long id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from identity.account where id = ?").param(id)
                .query(AccountRepository::account).optional();
    }

    List<Account> accountsUnder(String scopePattern, Role role, Boolean enabled, int limit) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + """
                 from identity.account
                where scope_path like :scope and (cast(:role as text) is null or role = :role or :role = any (extra_roles))
                  and (cast(:enabled as boolean) is null or enabled = :enabled)
                order by scope_path, username limit :limit""")
                .param("scope", scopePattern).param("role", role == null ? null : role.name())
                .param("enabled", enabled).param("limit", limit)
                .query(AccountRepository::account).list();
    }

    /** Enabled accounts holding the role, primary or further, placed on a union office. */
    List<Accounts.Staff> staff(Role role) {
        return jdbc.sql("""
                select id, username, display_name, org_node_id, member_id from identity.account
                 where enabled and org_node_id is not null and unit_id is null and (role = :role or :role = any (extra_roles))
                 order by org_node_id, username""")
                .param("role", role.name())
                .query((rs, n) -> new Accounts.Staff(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, Long.class)))
                .list();
    }

    record ContactRow(long id, String displayName, byte[] phoneCipher, String scopePath) {
    }

    private static ContactRow contactRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ContactRow(rs.getLong("id"), rs.getString("display_name"), rs.getBytes("phone_cipher"), rs.getString("scope_path"));
    }

    Optional<ContactRow> contact(long id) {
        return jdbc.sql("select id, display_name, phone_cipher, scope_path from identity.account where id = ? and enabled")
                .param(id).query(AccountRepository::contactRow).optional();
    }

    /** Enabled accounts whose primary role is the unit operator's of this unit. */
    List<ContactRow> unitOperators(long unitId) {
        return jdbc.sql("""
                select id, display_name, phone_cipher, scope_path from identity.account
                 where unit_id = ? and role = 'UNIT_OPERATOR' and enabled order by id""")
                .param(unitId).query(AccountRepository::contactRow).list();
    }

    List<Account> demoAccounts() {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from identity.account where demo and enabled order by id")
                .query(AccountRepository::account).list();
    }

    Standing standing(long id) {
        return jdbc.sql("select enabled, demo, role, extra_roles, must_change_password, totp_enabled from identity.account where id = ?")
                .param(id)
                .query((rs, n) -> new Standing(rs.getBoolean("enabled"), rs.getBoolean("demo"), roles(rs),
                        rs.getBoolean("must_change_password"), rs.getBoolean("totp_enabled")))
                .optional().orElse(new Standing(false, false, Set.of(Role.MEMBER), false, false));
    }

    String passwordHash(long id) {
        return jdbc.sql("select password_hash from identity.account where id = ?").param(id).query(String.class).single();
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("update identity.account set password_hash = ?, must_change_password = ?, updated_at = now() where id = ?")
                .params(hash, mustChange, id).update();
    }

    void update(long id, String displayName, byte[] phoneCipher, String phoneMasked) {
        jdbc.sql("update identity.account set display_name = ?, phone_cipher = ?, phone_masked = ?, updated_at = now() where id = ?")
                .params(displayName, phoneCipher, phoneMasked, id).update();
    }

    void rename(long id, String displayName) {
        jdbc.sql("update identity.account set display_name = ?, updated_at = now() where id = ?").params(displayName, id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update identity.account set enabled = ?, updated_at = now() where id = ?").params(enabled, id).update();
    }

    void rescope(long id, Long orgNodeId, Long unitId, Long hospitalId, String scopePath) {
        jdbc.sql("""
                update identity.account set org_node_id = ?, unit_id = ?, hospital_id = ?, scope_path = ?, updated_at = now()
                 where id = ?""")
                .params(orgNodeId, unitId, hospitalId, scopePath, id).update();
    }

    /** Gives an account its roles: the first is the primary one. */
    void setRoles(long id, List<Role> roles) {
        jdbc.sql("update identity.account set role = ?, extra_roles = cast(? as text[]), updated_at = now() where id = ?")
                .params(roles.getFirst().name(), names(roles.subList(1, roles.size())), id).update();
    }

    private static String[] names(java.util.Collection<Role> roles) {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }

    private static Set<Role> extraRoles(ResultSet rs) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) rs.getArray("extra_roles").getArray()) roles.add(Role.valueOf(name));
        return Collections.unmodifiableSet(roles);
    }

    private static Set<Role> roles(ResultSet rs) throws SQLException {
        EnumSet<Role> roles = EnumSet.of(Role.valueOf(rs.getString("role")));
        roles.addAll(extraRoles(rs));
        return Collections.unmodifiableSet(roles);
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getObject("org_node_id", Long.class), rs.getObject("unit_id", Long.class),
                rs.getObject("member_id", Long.class), rs.getString("scope_path"), rs.getBoolean("enabled"),
                rs.getBoolean("demo"), rs.getBoolean("must_change_password"), rs.getBoolean("totp_enabled"),
                rs.getString("phone_masked"), rs.getObject("created_at", OffsetDateTime.class), extraRoles(rs),
                rs.getObject("hospital_id", Long.class));
    }
}
