package org.huzhu.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and account look-up, needed with or without a web server (seeding, benchmarks). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
}
