package org.huzhu.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 10 characters, not the user name (nor containing it), not
 * one of the common passwords shipped in {@code identity/common-passwords.txt}. Also makes the
 * one-time passwords handed out at first run and on a reset, which pass the same policy.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final int MAX_LENGTH = 128;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final Set<String> common = new HashSet<>();
    private final SecureRandom random = new SecureRandom();

    PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> common.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused, in Chinese; null when it is acceptable. */
    String refusal(String username, String password) {
        if (password == null || password.isEmpty()) return "请输入密码";
        if (password.length() < MIN_LENGTH) return "密码至少" + MIN_LENGTH + "个字符";
        if (password.length() > MAX_LENGTH) return "密码过长（最多" + MAX_LENGTH + "个字符）";
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return "密码不能包含用户名";
        }
        if (common.contains(lower)) return "密码过于常见，请换一个不易猜到的密码";
        if (lower.chars().distinct().count() < 4) return "密码过于简单，请使用更多不同的字符";
        return null;
    }

    /** A random one-time password of 14 characters (no look-alike letters) that the holder must change. */
    String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return password.toString();
    }
}
