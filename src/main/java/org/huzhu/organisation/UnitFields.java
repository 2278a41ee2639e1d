package org.huzhu.organisation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The editable facts of a unit as stored (the contact phone both encrypted and masked). */
record UnitFields(String name, String creditCode, Ownership ownership, int headcount, String contactName,
                  byte[] contactPhoneCipher, String contactPhoneMasked, boolean closed) {

    static UnitFields of(Unit unit, byte[] phoneCipher) {
        return new UnitFields(unit.name(), unit.creditCode(), unit.ownership(), unit.headcount(), unit.contactName(),
                phoneCipher, unit.contactPhone(), unit.closed());
    }

    /** Field → value as the history shows it (the phone masked). */
    Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("name", name);
        shown.put("ownership", ownership == null ? null : ownership.chinese());
        shown.put("headcount", String.valueOf(headcount));
        shown.put("contactName", contactName);
        shown.put("contactPhone", contactPhoneMasked);
        shown.put("status", closed ? "已注销" : "正常");
        return shown;
    }

    /** Whether storing {@code other} would change nothing (the phone compared by its plain text by the caller). */
    boolean sameAs(UnitFields other, boolean samePhone) {
        return Objects.equals(name, other.name) && ownership == other.ownership && headcount == other.headcount
                && Objects.equals(contactName, other.contactName) && samePhone && closed == other.closed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitFields f && sameAs(f, Arrays.equals(contactPhoneCipher, f.contactPhoneCipher));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, ownership, headcount, contactName, closed);
    }
}
