package org.huzhu.recognition.secondset;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huzhu.recognition.secondset.Fonts.Face;

/**
 * How one document is printed, apart from what it says: colour form (red form, black data) or
 * black only, the title's ink, the faces, the date form, the currency sign, data printed off the
 * form's grid, a QR code's corner, the order of the 其他信息 grid, the label wording and where the
 * stamps fall.
 */
record Look(boolean colourForm, boolean redTitle, Face formFace, Face dataFace, DateForm dateForm, String sign,
            double offsetX, double offsetY, int qrCorner, boolean otherReversed, int wording, List<SealOver> seals) {

    /** The five ways dates are printed; the truth stays yyyy-MM-dd. */
    enum DateForm {
        ISO("yyyy-MM-dd"), SLASH("yyyy/MM/dd"), CHINESE("yyyy年MM月dd日"), DOTS("yyyy.MM.dd"), PLAIN("yyyyMMdd");

        private final DateTimeFormatter format;

        DateForm(String pattern) {
            this.format = DateTimeFormatter.ofPattern(pattern);
        }

        String print(LocalDate date) {
            return format.format(date);
        }
    }

    /** What a stamp is pressed over. */
    enum SealOver { PAYER, HOSPITAL, TOTAL }

    static final int NO_QR = -1;

    static Look random(Random random) {
        boolean colour = random.nextInt(10) < 7;
        List<SealOver> seals = new ArrayList<>(List.of(SealOver.values()[random.nextInt(3)]));
        if (random.nextInt(4) == 0) {
            SealOver second = SealOver.values()[random.nextInt(3)];
            if (second != seals.get(0)) seals.add(second);
        }
        boolean offGrid = random.nextInt(10) < 4;
        return new Look(colour, colour && random.nextInt(10) < 6, random.nextInt(3) == 0 ? Face.HEI : Face.SONG,
                random.nextInt(5) < 3 ? Face.SONG : Face.HEI, DateForm.values()[random.nextInt(5)],
                List.of("¥", "￥", "").get(random.nextInt(3)), offGrid ? (random.nextDouble() * 6 - 3) : 0,
                offGrid ? (random.nextDouble() * 3 - 1.5) : 0, random.nextInt(10) < 7 ? random.nextInt(4) : NO_QR,
                random.nextBoolean(), random.nextInt(1000), List.copyOf(seals));
    }

    /**
     * One of the wordings that mean the same, picked by this document's wording number and the
     * label's own salt: the first (the usual one) about half the time, else one of the others.
     */
    String word(int salt, String... wordings) {
        int mix = (int) (((wording + 13L) * (salt * 2_654_435_761L + 97)) >>> 9 & 0xffff);
        return mix % 2 == 0 || wordings.length == 1 ? wordings[0] : wordings[1 + (mix / 2) % (wordings.length - 1)];
    }

    /** Money as printed: the sign (¥, ￥ or none) before two decimals. */
    String money(long cents) {
        return sign + Bill.money(cents);
    }

    /** A description for the truth file. */
    String describe() {
        return (colourForm ? "colour" : "black") + (redTitle ? ",red-title" : "") + "," + formFace + "/" + dataFace + ","
                + dateForm + ",sign=" + (sign.isEmpty() ? "none" : sign) + (offsetX != 0 ? ",off-grid" : "")
                + (qrCorner == NO_QR ? "" : ",qr" + qrCorner) + (otherReversed ? ",reversed" : "") + ",seals=" + seals;
    }
}
