package org.huzhu.identity;

import java.util.Collection;
import org.huzhu.shared.scope.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in principal: an account's credentials plus its role and scope. */
final class HuzhuUser implements UserDetails, CurrentUser.Holder {

    private final AccountRepository.StoredAccount account;

    HuzhuUser(AccountRepository.StoredAccount account) {
        this.account = account;
    }

    @Override
    public CurrentUser currentUser() {
        return account.user();
    }

    boolean isDemo() {
        return account.demo();
    }

    String displayName() {
        return account.displayName();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.user().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.user().username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }
}
