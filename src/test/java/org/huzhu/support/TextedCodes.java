package org.huzhu.support;

import java.util.List;
import org.huzhu.notifications.sms.SimulatedSmsCentre;

/** Sign-in codes as a worker reads them: from the texts the simulated SMS centre received for their number. */
public final class TextedCodes {

    private TextedCodes() {
    }

    /**
     * The code in the {@code nth} code text (from 1) to the number, waiting up to 30 s for it to arrive. Other texts
     * to the number (an enrolment notice sent by an earlier test to a number it shares) are passed over.
     */
    public static String codeTextedTo(SimulatedSmsCentre centre, String phone, int nth) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (codeTexts(centre, phone).size() < nth) {
            if (System.nanoTime() > deadline) throw new AssertionError("no sign-in code texted to the number");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return codeTexts(centre, phone).get(nth - 1).replaceAll("(?s)\\D*(\\d{6}).*", "$1");
    }

    /** How many code texts the number has received so far. */
    public static int codesTextedTo(SimulatedSmsCentre centre, String phone) {
        return codeTexts(centre, phone).size();
    }

    private static List<String> codeTexts(SimulatedSmsCentre centre, String phone) {
        return centre.textsTo(phone).stream().filter(text -> text.contains("验证码为")).toList();
    }
}
