package org.huzhu.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * The login log ({@code identity.login_event}) and the limits read from it, in the database so
 * that every instance counts the same attempts. An account is locked for {@code lockout} once
 * {@code accountFailures} attempts failed since its last success; an address is refused while it
 * has {@code addressFailures} failures within {@code lockout}. Never sees a password.
 */
@Component
class LoginAttempts {

    static final String ACCOUNT_LOCKED = "账户已锁定，请15分钟后再试";
    static final String ADDRESS_LOCKED = "此地址登录失败次数过多，请15分钟后再试";
    private static final Duration RECENT_SUCCESS = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final JdbcClient jdbc;
    private final LoginProperties limits;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, LoginProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** Refuses (and logs) an attempt on a locked account or from a locked address. */
    void checkAllowed(String account, String address) {
        OffsetDateTime now = now();
        OffsetDateTime windowStart = now.minus(limits.lockout());
        Boolean accountLocked = jdbc.sql("""
                select exists (select 1 from identity.login_event where account = ? and lockout and at > ?)""")
                .params(account, windowStart).query(Boolean.class).single();
        if (accountLocked) {
            record(account, address, now, "LOCKED", false, "账户锁定中");
            throw new LockedException(ACCOUNT_LOCKED);
        }
        checkAddress(account, address);
    }

    /**
     * Refuses (and logs) an attempt from a locked address: for sign-ins by a code texted to a phone, whose
     * number has its own limits ({@code SignInCodes}); {@code account} names the attempt in the log.
     */
    void checkAddress(String account, String address) {
        OffsetDateTime now = now();
        int addressFailures = jdbc.sql("""
                select count(*) from identity.login_event where address = ? and outcome = 'FAILURE' and at > ?""")
                .params(address, now.minus(limits.lockout())).query(Integer.class).single();
        if (addressFailures >= limits.addressFailures()) {
            record(account, address, now, "LOCKED", false, "地址失败次数过多");
            throw new LockedException(ADDRESS_LOCKED);
        }
    }

    /** Logs a failed sign-in by a texted code: it counts against the address only (the code has its own tries). */
    void failedCode(String account, String address, String detail) {
        record(account, address, now(), "FAILURE", false, detail);
    }

    /**
     * Logs a success, unless the account's last event is already a success from the same address
     * within the last ten minutes (an API client sends Basic with every request).
     */
    void succeeded(String account, String address) {
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into identity.login_event (account, address, at, outcome)
                select ?, ?, ?, 'SUCCESS'
                 where not exists (select 1 from identity.login_event e
                                    where e.id = (select max(id) from identity.login_event where account = ?)
                                      and e.outcome = 'SUCCESS' and e.address = ? and e.at > ?)""")
                .params(account, address, now, account, address, now.minus(RECENT_SUCCESS)).update();
    }

    /** Logs a failure; the one that reaches the limit locks the account (logged as the lockout). */
    void failed(String account, String address) {
        OffsetDateTime now = now();
        record(account, address, now, "FAILURE", false, null);
        int failures = jdbc.sql("""
                select count(*) from identity.login_event
                 where account = ? and outcome = 'FAILURE' and at > ?
                   and id > coalesce((select max(id) from identity.login_event
                                       where account = ? and (outcome = 'SUCCESS' or lockout)), 0)""")
                .params(account, now.minus(limits.lockout()), account).query(Integer.class).single();
        if (failures >= limits.accountFailures()) {
            record(account, address, now, "LOCKED", true, "连续" + failures + "次登录失败，账户锁定");
            log.warn("Account {} locked for {} after {} failed logins (last from {})", account, limits.lockout(), failures, address);
        }
    }

    /** Logs the end of a browser session by its owner. */
    void loggedOut(String account, String address) {
        record(account, address, now(), "LOGOUT", false, null);
    }

    private void record(String account, String address, OffsetDateTime at, String outcome, boolean lockout, String detail) {
        jdbc.sql("insert into identity.login_event (account, address, at, outcome, lockout, detail) values (?, ?, ?, ?, ?, ?)")
                .params(account, address, at, outcome, lockout, detail).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
