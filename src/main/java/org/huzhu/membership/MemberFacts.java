package org.huzhu.membership;

import java.time.LocalDate;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.crypto.PersonalDataCipher;

/** Validation of a member's own fields, shared by the API and the roster import. */
final class MemberFacts {

    private MemberFacts() {
    }

    static String name(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("姓名不能为空");
        String name = raw.strip();
        if (name.length() > 50) throw new IllegalArgumentException("姓名过长（最多50个字）");
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) throw new IllegalArgumentException("姓名含有不可见字符");
        }
        return name;
    }

    /** A mobile number (11 digits, 1[3-9]…); empty is allowed. */
    static String phone(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String p = raw.strip().replace(" ", "").replace("-", "");
        if (p.startsWith("+86")) p = p.substring(3);
        if (p.length() != 11 || p.charAt(0) != '1' || p.charAt(1) < '3') throw new IllegalArgumentException("手机号码应为11位，以13至19开头");
        for (int i = 0; i < 11; i++) {
            if (!Character.isDigit(p.charAt(i))) throw new IllegalArgumentException("手机号码只能包含数字");
        }
        return p;
    }

    static IdNumber idNumber(String raw, LocalDate today) {
        return IdNumber.parse(raw, today);
    }

    /** The keyed hash under which a number is unique; computed on the normalised 18-digit form. */
    /** The phone as stored: encrypted, or null when none was given. */
    static byte[] phoneCipher(PersonalDataCipher cipher, String phone) {
        return phone == null ? null : cipher.encrypt(phone);
    }

    static byte[] idHash(PersonalDataCipher cipher, IdNumber id) {
        return cipher.hash("id:" + id.value());
    }
}
