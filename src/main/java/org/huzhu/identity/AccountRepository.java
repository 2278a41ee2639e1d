package org.huzhu.identity;

import java.util.Optional;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredAccount(CurrentUser user, String displayName, String passwordHash, boolean enabled) implements java.io.Serializable {
    }

    Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql("""
                select id, username, display_name, role, org_node_id, unit_id, member_id, scope_path,
                       password_hash, enabled
                  from identity.account where username = ?""")
                .param(username)
                .query((rs, n) -> new StoredAccount(
                        new CurrentUser(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                                rs.getString("scope_path"), rs.getObject("org_node_id", Long.class),
                                rs.getObject("unit_id", Long.class), rs.getObject("member_id", Long.class)),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from identity.account where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    long insert(Accounts.NewAccount account, String passwordHash) {
        return jdbc.sql("""
                insert into identity.account (username, password_hash, display_name, role, org_node_id, unit_id,
                                              member_id, scope_path, demo)
                values (:username, :hash, :displayName, :role, :orgNodeId, :unitId, :memberId, :scopePath, :demo)
                returning id""")
                .param("username", account.username()).param("hash", passwordHash)
                .param("displayName", account.displayName()).param("role", account.role().name())
                .param("orgNodeId", account.orgNodeId()).param("unitId", account.unitId())
                .param("memberId", account.memberId()).param("scopePath", account.scopePath())
                .param("demo", account.demo())
                .query(Long.class).single();
    }
}
