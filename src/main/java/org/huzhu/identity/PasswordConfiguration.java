package org.huzhu.identity;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and account look-up, needed with or without a web server (seeding, benchmarks). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /**
     * BCrypt, stored as {@code {bcrypt}…}, at the work factor {@code huzhu.security.password-strength} (10, Spring
     * Security's default: about 60 ms a check on one core; 4 to 31). Each stored hash carries its own factor, so a change
     * applies to passwords set afterwards. The tests run at 4: every test request signs in with HTTP Basic.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${huzhu.security.password-strength:10}") int strength) {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
        encoder.setDefaultPasswordEncoderForMatches(NEVER_MATCHES);   // a stored value in any other form is no password
        return encoder;
    }

    /**
     * Accounts by user name. Outside demo mode a demo account (the {@code demo} flag, or a name
     * starting {@code demo-}) is treated as absent, even when its row exists: its password is public.
     */
    @Bean
    UserDetailsService userDetailsService(AccountRepository accounts, @Value("${huzhu.demo.enabled:false}") boolean demoMode) {
        return username -> accounts.findByUsername(username)
                .filter(account -> demoMode || !isDemo(account))
                .map(HuzhuUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    static boolean isDemo(AccountRepository.StoredAccount account) {
        return account.demo() || account.user().username().startsWith(DEMO_PREFIX);
    }

    static final String DEMO_PREFIX = "demo-";

    private static final PasswordEncoder NEVER_MATCHES = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            throw new UnsupportedOperationException("passwords are encoded as bcrypt");
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return false;
        }
    };
}
