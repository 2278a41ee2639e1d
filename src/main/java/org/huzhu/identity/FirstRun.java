package org.huzhu.identity;

import java.util.List;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ./huzhu init}: on an empty database, the province node and the first administrator with a
 * one-time password that must be changed at the first login (then a second factor must be enrolled).
 * A database that has any node or account is left as it is.
 */
@Service
public class FirstRun {

    static final String ALREADY_SET_UP = "数据库已经初始化（已有组织机构或账户），未做任何更改";

    private final Organisations organisations;
    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;

    FirstRun(Organisations organisations, AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, JdbcClient jdbc) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    /** What init prints: the administrator's user name and one-time password, each on its own line. */
    public record Result(String username, String initialPassword, long provinceId) {
        public List<String> lines() {
            return List.of("用户名：" + username, "初始密码：" + initialPassword);
        }
    }

    /** Refused with {@link ConflictException} ({@link #ALREADY_SET_UP}) on a database already set up. */
    @Transactional
    public Result initialise(String provinceName, String divisionCode, String adminName) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('huzhu-first-run'))").query(Object.class).optional();
        if (!organisations.isEmpty() || accounts.count() > 0) throw new ConflictException(ALREADY_SET_UP);
        if (adminName == null || !adminName.matches("[A-Za-z0-9][A-Za-z0-9._-]{2,49}") || adminName.startsWith(PasswordConfiguration.DEMO_PREFIX)) {
            throw new IllegalArgumentException("管理员用户名应为3至50个字母、数字或 . _ -，且不以 demo- 开头");
        }
        OrgNode province = organisations.createProvince(provinceName, divisionCode);
        String password = policy.oneTimePassword();
        accounts.insert(new Accounts.NewAccount(adminName, password, "系统管理员（" + province.name() + "）", Role.ADMIN,
                province.id(), null, null, province.path(), false, true), encoder.encode(password));
        return new Result(adminName, password, province.id());
    }
}
