package org.huzhu.notifications.sms;

import java.time.Duration;
import java.util.regex.Pattern;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * How the simulated centre treats a submit: a number that is not a mainland mobile number
 * ({@code ^1[3-9]\d{9}$}) is refused (ESME_RINVDSTADR); above {@code throttlePerSecond} submits in one
 * second the answer is ESME_RTHROTTLED; an unreachable number is accepted and fails (UNDELIV err 001)
 * after the receipt delay; a late-failure number is accepted and fails (UNDELIV err 006) only after
 * {@code lateFailureAfter}; every other number is delivered (DELIVRD) after the receipt delay.
 */
final class SmscRules {

    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

    record Fate(DeliveryReceiptState state, String error, Duration after) {
    }

    private final SimulatedSmsCentre.Settings settings;
    private long window = Long.MIN_VALUE;
    private int inWindow;

    SmscRules(SimulatedSmsCentre.Settings settings) {
        this.settings = settings;
    }

    boolean validNumber(String destination) {
        return destination != null && MOBILE.matcher(destination).matches();
    }

    /** Counts a submit against this second's allowance; false when it is used up. */
    synchronized boolean admit() {
        if (settings.throttlePerSecond() <= 0) return true;
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != window) {
            window = second;
            inWindow = 0;
        }
        if (inWindow >= settings.throttlePerSecond()) return false;
        inWindow++;
        return true;
    }

    Fate fate(String destination) {
        if (settings.unreachableNumbers().contains(destination)) {
            return new Fate(DeliveryReceiptState.UNDELIV, "001", settings.receiptDelay());
        }
        if (settings.lateFailureNumbers().contains(destination)) {
            return new Fate(DeliveryReceiptState.UNDELIV, "006", settings.lateFailureAfter());
        }
        return new Fate(DeliveryReceiptState.DELIVRD, "000", settings.receiptDelay());
    }
}
