package org.huzhu.reporting;

/** Shares and ratios as the dashboard shows them: four decimals, null when the denominator is zero or missing. */
final class Shares {

    private Shares() {
    }

    static Double of(long part, Long whole) {
        return whole == null || whole == 0 ? null : round((double) part / whole);
    }

    static Double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
