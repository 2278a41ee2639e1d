package org.huzhu.notifications;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.huzhu.membership.Members;
import org.huzhu.shared.crypto.PersonalDataCipher;

/**
 * A segment's members sorted for a publicity text: those without a mobile number cannot be reached,
 * those who did not consent are left out, and so are numbers that replied TD; the rest are texted.
 * Consent and opt-outs are read once for the whole segment.
 */
record Recipients(Counts counts, List<Members.Addressee> toSend) {

    /** How many the segment matched, why the excluded were left out, and how many are to be texted. */
    record Counts(int matched, int noPhone, int noConsent, int optedOut, int toSend) {

        int reachable() {
            return matched - noPhone;
        }

        int consenting() {
            return reachable() - noConsent;
        }

        int excluded() {
            return noPhone + noConsent + optedOut;
        }
    }

    static Recipients sort(List<Members.Addressee> matched, Consents consents, PersonalDataCipher cipher) {
        List<Members.Addressee> reachable = matched.stream().filter(a -> a.phone() != null).toList();
        Set<Long> consenting = consents.consenting(reachable.stream().map(Members.Addressee::memberId).toList());
        List<Members.Addressee> willing = reachable.stream().filter(a -> consenting.contains(a.memberId())).toList();
        List<byte[]> hashes = new ArrayList<>(willing.size());
        for (Members.Addressee a : willing) hashes.add(cipher.hash(a.phone()));
        Set<String> optedOut = consents.optedOut(hashes);
        List<Members.Addressee> toSend = new ArrayList<>(willing.size());
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < willing.size(); i++) {
            if (!optedOut.contains(hex.formatHex(hashes.get(i)))) toSend.add(willing.get(i));
        }
        Counts counts = new Counts(matched.size(), matched.size() - reachable.size(), reachable.size() - willing.size(),
                willing.size() - toSend.size(), toSend.size());
        return new Recipients(counts, toSend);
    }
}
