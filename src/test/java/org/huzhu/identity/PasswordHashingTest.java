package org.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are stored as BCrypt at the configured work factor, and a hash made at another factor still checks. */
class PasswordHashingTest {

    private final PasswordConfiguration configuration = new PasswordConfiguration();

    @Test
    void aPasswordIsStoredAsBCryptAtTheConfiguredFactorAndOldHashesStillCheck() {
        PasswordEncoder production = configuration.passwordEncoder(10);
        PasswordEncoder cheap = configuration.passwordEncoder(4);

        String stored = production.encode("Zhigong-2026!");
        assertThat(stored).startsWith("{bcrypt}$2a$10$");
        assertThat(cheap.encode("Zhigong-2026!")).startsWith("{bcrypt}$2a$04$");
        assertThat(cheap.matches("Zhigong-2026!", stored)).as("a hash carries its own factor").isTrue();
        assertThat(production.matches("zhigong-2026!", stored)).isFalse();
        assertThat(production.matches("Zhigong-2026!", "{noop}Zhigong-2026!")).as("no plain-text passwords").isFalse();
    }
}
