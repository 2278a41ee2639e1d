package org.huzhu.support;

import org.huzhu.notifications.sms.SimulatedSmsCentre;

/** Sign-in codes as a worker reads them: from the texts the simulated SMS centre received for their number. */
public final class TextedCodes {

    private TextedCodes() {
    }

    /** The code in the {@code nth} text (from 1) to the number, waiting up to 30 s for it to arrive. */
    public static String codeTextedTo(SimulatedSmsCentre centre, String phone, int nth) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (centre.textsTo(phone).size() < nth) {
            if (System.nanoTime() > deadline) throw new AssertionError("no sign-in code texted to the number");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return centre.textsTo(phone).get(nth - 1).replaceAll("(?s)\\D*(\\d{6}).*", "$1");
    }
}
