package org.huzhu.recognition.secondset;

/** An amount in capital numerals as receipts print it: 贰万叁仟肆佰伍拾陆元柒角捌分, 壹仟零伍元整. */
final class Capital {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};

    private Capital() {
    }

    static String of(long cents) {
        long yuan = cents / 100;
        int jiao = (int) (cents / 10 % 10);
        int fen = (int) (cents % 10);
        StringBuilder b = new StringBuilder();
        if (yuan > 0) {
            long high = yuan / 10_000;
            long low = yuan % 10_000;
            if (high > 0) b.append(four(high)).append('万');
            if (high > 0 && low > 0 && low < 1000) b.append('零');
            if (low > 0) b.append(four(low));
            b.append('元');
        }
        if (jiao == 0 && fen == 0) return b.isEmpty() ? "零元整" : b.append('整').toString();
        if (jiao > 0) b.append(DIGITS.charAt(jiao)).append('角');
        else if (yuan > 0) b.append('零');
        if (fen > 0) b.append(DIGITS.charAt(fen)).append('分');
        return b.toString();
    }

    /** 1..9999 with one 零 for each run of zeros between digits. */
    private static String four(long n) {
        StringBuilder b = new StringBuilder();
        boolean zero = false;
        for (int place = 3; place >= 0; place--) {
            int d = (int) (n / (long) Math.pow(10, place) % 10);
            if (d == 0) {
                zero = !b.isEmpty();
                continue;
            }
            if (zero) b.append('零');
            zero = false;
            b.append(DIGITS.charAt(d)).append(PLACES[place]);
        }
        return b.toString();
    }
}
