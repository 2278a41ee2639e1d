package org.huzhu.recognition;

import java.util.HashSet;
import java.util.Set;

/**
 * The characters people are usually named by ({@code recognition/given-name-characters.txt}: about a thousand, the
 * given names' characters, not the surnames'). A name with a character outside them is still a name (rare characters
 * are read and taken as any other); the list only chooses among reads of a name that disagree, OCR's misreads of a
 * given name's character mostly being characters no one is named by (恰 and 怕 for 怡, 睾 for 睿).
 */
final class GivenNames {

    private static final Set<Integer> USUAL = new HashSet<>();

    static {
        NameLists.lines("recognition/given-name-characters.txt").forEach(line -> line.codePoints().filter(Character::isIdeographic).forEach(USUAL::add));
    }

    private GivenNames() {
    }

    /** Whether people are usually named by this character. */
    static boolean usual(int character) {
        return USUAL.contains(character);
    }

    /**
     * Whether a name begins with a known surname and every character after it is one people are usually named by (崔慧凤,
     * not 戴柏谥): what a name chosen among reads that disagree must be.
     */
    static boolean usualAfterItsSurname(String name) {
        int surname = Surnames.surnameLength(name);
        return surname > 0 && name.codePoints().skip(surname).allMatch(GivenNames::usual);
    }

    static int count() {
        return USUAL.size();
    }
}
