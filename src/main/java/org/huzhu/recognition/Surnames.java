package org.huzhu.recognition;

import java.util.HashSet;
import java.util.Set;

/**
 * The surnames a payer's name can begin with ({@code recognition/surnames.txt}: the single and compound surnames of the
 * 百家姓 and the common ones it lacks, 付, 肖, 闫, 覃 …). OCR that misreads a name's first character mostly turns it into
 * a character no one is called by (名敏 for 钟敏, 芷明 for 董明); a surname misread as another surname is not caught here.
 * A name written with a middle dot (买买提·艾力) has no surname to check.
 */
final class Surnames {

    private static final Set<String> SINGLE = new HashSet<>();
    private static final Set<String> COMPOUND = new HashSet<>();

    static {
        for (String line : NameLists.lines("recognition/surnames.txt")) {
            if (line.contains(" ")) {
                for (String s : line.split("\\s+")) COMPOUND.add(s);
            } else {
                line.codePoints().forEach(c -> SINGLE.add(Character.toString(c)));
            }
        }
    }

    private Surnames() {
    }

    /** Whether Chinese characters make a name as a receipt prints one: two to four, beginning with a known surname. */
    static boolean makeAName(String han) {
        int length = han.codePointCount(0, han.length());
        return length >= 2 && length <= 4 && begins(han);
    }

    /** Whether the name begins with a known surname (a compound one followed by at least one character), or has a middle dot. */
    static boolean begins(String name) {
        return name.contains("·") || surnameLength(name) > 0;
    }

    /** How many characters of the name are its surname: 2 for a compound one, 1 for a single one, 0 when it begins with none (or has a middle dot). */
    static int surnameLength(String name) {
        if (name.contains("·") || name.codePointCount(0, name.length()) < 2) return 0;
        if (name.length() >= 3 && COMPOUND.contains(name.substring(0, 2))) return 2;
        return SINGLE.contains(name.substring(0, Character.charCount(name.codePointAt(0)))) ? 1 : 0;
    }

    static int count() {
        return SINGLE.size() + COMPOUND.size();
    }
}
