package org.huzhu.recognition.secondset;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.recognition.secondset.Fonts.Face;

/**
 * One page in millimetres (origin top-left, text placed by its baseline), as every rendering —
 * PDF, OFD, images — draws it: the form (title, labels, rules; red or black), the data (black,
 * shifted off the grid by the look's offset), a QR code, the stamps; and the truth, written as a
 * value is printed, so that a field not printed is not in it.
 */
final class Sheet {

    static final double LABEL = 3.0;
    static final double DATA = 3.3;

    enum Ink { TITLE, FORM, DATA }

    record Text(String text, double x, double baseline, double size, Face face, Ink ink) {
    }

    record Rule(double x1, double y1, double x2, double y2, double width) {
    }

    /** A round 收费专用章: the hospital's name on the ring, a star, the purpose across; turned by {@code turn} degrees. */
    record Seal(double cx, double cy, double radius, String ring, String purpose, double turn) {
    }

    record Qr(double x, double y, double size, BitMatrix matrix) {
    }

    /** One fee line of the truth. */
    record Line(String name, String amount) {
    }

    final String arrangement;
    final Bill.Kind kind;
    final double width;
    final double height;
    final Look look;
    final List<Text> texts = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    final List<Seal> seals = new ArrayList<>();
    final List<Qr> qrs = new ArrayList<>();
    final Map<String, String> truth = new LinkedHashMap<>();
    final List<Line> lines = new ArrayList<>();
    /** Where each field's value was printed: x, y (top), width, height in mm. */
    final Map<String, double[]> where = new LinkedHashMap<>();

    Sheet(String arrangement, Bill.Kind kind, double width, double height, Look look) {
        this.arrangement = arrangement;
        this.kind = kind;
        this.width = width;
        this.height = height;
        this.look = look;
    }

    /** The title, centred. */
    void title(String text, double baseline, double size) {
        double w = Fonts.width(look.formFace(), text, size);
        texts.add(new Text(text, (width - w) / 2, baseline, size, look.formFace(), Ink.TITLE));
    }

    /** Form text (a label, a header, a note); answers where it ends. */
    double form(double x, double baseline, String text, double size) {
        texts.add(new Text(text, x, baseline, size, look.formFace(), Ink.FORM));
        return x + Fonts.width(look.formFace(), text, size);
    }

    double label(double x, double baseline, String text) {
        return form(x, baseline, text, LABEL);
    }

    /** Data without a field of the truth (a distractor, a capital amount, a name of staff); answers where it ends. */
    double data(double x, double baseline, String text) {
        double left = x + look.offsetX();
        texts.add(new Text(text, left, baseline + look.offsetY(), DATA, look.dataFace(), Ink.DATA));
        return left + Fonts.width(look.dataFace(), text, DATA);
    }

    /** Data ending at {@code right}. */
    double dataRight(double right, double baseline, String text) {
        return data(right - Fonts.width(look.dataFace(), text, DATA), baseline, text);
    }

    /** A field's value as printed, and its normal form in the truth. */
    double value(double x, double baseline, String field, String normal, String printed) {
        truth.put(field, normal);
        double end = data(x, baseline, printed);
        where.put(field, new double[] {x + look.offsetX(), baseline + look.offsetY() - DATA, end - x - look.offsetX(), DATA * 1.2});
        return end;
    }

    /** A label and its value beside it; answers where the value ends. */
    double pair(double x, double baseline, String label, String field, String normal, String printed) {
        double at = label(x, baseline, label);
        return value(at + 1, baseline, field, normal, printed);
    }

    /** A label and a distractor value (a field the API does not answer). */
    double distractor(double x, double baseline, String label, String printed) {
        return data(label(x, baseline, label) + 1, baseline, printed);
    }

    void rule(double x1, double y1, double x2, double y2) {
        rules.add(new Rule(x1, y1, x2, y2, 0.25));
    }

    void box(double x, double y, double w, double h) {
        rule(x, y, x + w, y);
        rule(x, y + h, x + w, y + h);
        rule(x, y, x, y + h);
        rule(x + w, y, x + w, y + h);
    }

    /**
     * A QR code of {@code size} mm at the look's corner (a top one on {@code topOnly}), inside a
     * margin; nothing when the look has none.
     */
    void qr(String content, double size, double margin, boolean topOnly) {
        if (look.qrCorner() == Look.NO_QR) return;
        int corner = topOnly ? look.qrCorner() % 2 : look.qrCorner();
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0);
            double x = corner % 2 == 0 ? margin : width - margin - size;
            double y = corner < 2 ? margin : height - margin - size;
            qrs.add(new Qr(x, y, size, matrix));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Presses the look's stamps over what they are meant to cover, a few mm off its middle. */
    void stamp(String hospital, String purpose, double radius, java.util.Random random) {
        for (Look.SealOver over : look.seals()) {
            double[] at = where.get(switch (over) {
                case PAYER -> "payerName";
                case HOSPITAL -> "hospital";
                case TOTAL -> "total";
            });
            if (at == null) continue;
            double cx = at[0] + Math.min(at[2], 30) / 2 + random.nextDouble() * 8 - 4;
            double cy = at[1] + at[3] / 2 + random.nextDouble() * 6 - 3;
            seals.add(new Seal(cx, cy, radius, hospital, purpose, random.nextDouble() * 16 - 8));
        }
    }
}
