package org.huzhu.identity;

import java.util.List;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What everybody does to their own account (我的账户): change the password, enrol two-factor login. */
@Service
class OwnAccount {

    private final AccountRepository repository;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final TwoFactor twoFactor;

    OwnAccount(AccountRepository repository, PasswordPolicy policy, PasswordEncoder encoder, TwoFactor twoFactor) {
        this.repository = repository;
        this.policy = policy;
        this.encoder = encoder;
        this.twoFactor = twoFactor;
    }

    record PasswordChange(String oldPassword, String password) {
    }

    /** The old password and a new one that passes the policy; clears the must-change flag of a one-time password. */
    @Transactional
    void changePassword(CurrentUser me, PasswordChange change) {
        Checks checks = new Checks();
        if (change.oldPassword() == null || !encoder.matches(change.oldPassword(), repository.passwordHash(me.accountId()))) {
            checks.add("oldPassword", "原密码不正确");
        }
        String refusal = policy.refusal(me.username(), change.password());
        if (refusal != null) checks.add("password", refusal);
        else if (change.password().equals(change.oldPassword())) checks.add("password", "新密码不能与原密码相同");
        checks.throwIfInvalid();
        repository.setPassword(me.accountId(), encoder.encode(change.password()), false);
        Audit.changed(AccountAdministration.RECORD, me.accountId(), "密码", null, "本人已修改密码");
    }

    TwoFactor.Enrolment startTwoFactor(CurrentUser me) {
        if (repository.standing(me.accountId()).twoFactorEnabled()) throw new ConflictException("已启用两步验证");
        return twoFactor.start(me.accountId(), me.username());
    }

    @Transactional
    List<String> confirmTwoFactor(CurrentUser me, String code) {
        if (repository.standing(me.accountId()).twoFactorEnabled()) throw new ConflictException("已启用两步验证");
        List<String> recovery = twoFactor.confirm(me.accountId(), code);
        Audit.changed(AccountAdministration.RECORD, me.accountId(), "两步验证", "未启用", "已启用");
        return recovery;
    }

    void verifyLoginCode(CurrentUser me, String code) {
        if (code == null || code.isBlank()) throw InvalidInputException.of("code", "请输入动态验证码或恢复码");
        twoFactor.verifyLogin(me.accountId(), code);
    }
}
