package org.huzhu.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The only way to log in, form and HTTP Basic alike: refuses locked accounts and addresses before
 * looking at the password, then checks it against the account and logs the outcome.
 */
@Component
class LimitedAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_NAME = 100;

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;

    LimitedAuthenticationProvider(UserDetailsService accounts, PasswordEncoder passwordEncoder, LoginAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = authentication.getName() == null ? "" : authentication.getName().strip();
        if (account.length() > MAX_NAME) account = account.substring(0, MAX_NAME);
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        attempts.checkAllowed(account, address);
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.succeeded(account, address);
            return result;
        } catch (LockedException e) {
            throw e;
        } catch (AuthenticationException e) {
            attempts.failed(account, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
