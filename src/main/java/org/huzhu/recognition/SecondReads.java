package org.huzhu.recognition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.huzhu.recognition.ReceiptReading.Area;
import org.huzhu.recognition.ReceiptReading.Value;

/**
 * Second looks at single lines of a page read by OCR ({@link LineReader}): the line is read again
 * on its own and larger, where the page's layout analysis can neither lose a character to a
 * neighbouring block nor add one from it, and nothing else on the page competes with it.
 * <ul>
 * <li>The payer's and the hospital's names, which no sum or digit count can check, are always
 *     read again. A name both reads agree on is kept; when they differ, a third read at another
 *     scale decides if it agrees with one of them and the name looks like one (2–4 characters, a
 *     hospital's usual ending: {@link ReceiptChecks#usual}), kept at a little less confidence;
 *     otherwise the name is left out with a warning: a wrong name is worse than none.</li>
 * <li>A value read without its field's form (a code with a letter in it, an amount without its
 *     two decimals …) or with little confidence ({@link #UNSURE}; not an amount of a sum that holds as read,
 *     {@link #sumConfirms}), and a field whose label was found but whose value was not read, are read
 *     where they stand ({@link ReceiptReading#slots()} for the latter) twice, at two scales, in
 *     the characters the field is written with (digits for codes, digits and a point for amounts
 *     …); the second looks are taken only when both agree and have the field's form, at the lower
 *     of their confidences; a code or an unsure amount whose two looks differ is looked at a third time
 *     ({@link #seenAgainAtAThirdScale}, {@link #amountSeenAgain}); looks that agree on an amount without the digit the
 *     page read as a mark between its digits are refused, and the amount left out ({@link #markForADigit}). Otherwise
 *     the first read stays, for the checks to drop.</li>
 * <li>When the total is not the sum of the payments, their amounts are read again: second looks that make the sum
 *     hold are taken, or the amount a look began with where its looks ran on into the next ({@link #ranOnWithItsAmount});
 *     otherwise an amount a second look read as another amount is left out with a warning — set 1
 *     with its data in a Song face ({@code SongFaceImageTest}), whose ¥ OCR reads as a digit or together with the
 *     digit beside it, kept such amounts as WRONG values with only a warning (40 other forms at 200 dpi: WRONG
 *     19 → 16, right 460 → 458 of 563; at 300 dpi 24 → 23, 450 → 449; set 1's bench images: PHONE one WRONG
 *     fewer).</li>
 * <li>Reads of a hospital's name that do not agree are held against the list of hospitals first: one naming a listed
 *     hospital is taken when every other read is a character or two from it and from no other ({@link #listedAmong});
 *     reads all too damaged for that may together name the one listed hospital they all come nearest to
 *     ({@link #nearestOfAll}, with a warning); reads that name no listed hospital but are all near one are looked at
 *     twice more at the scales not yet used ({@link #listedAtOtherScales}). Of a payer's reads that differ only in
 *     their first character, the one beginning with a surname is taken when no other does ({@link #surnameAmong}). A
 *     name left out for disagreeing reads is not read again in its label's slot.</li>
 * <li>On a grey page read with its seal on it, amounts the seal cost are looked at on the page's data without the
 *     seal's grey, each taken only with a witness: the sum of the payments for theirs ({@link #sumWithoutSeal}), the
 *     digits the page read for the others ({@link #cutShortWithoutSeal}).</li>
 * <li>Values whose labels were lost, with a witness for whose they are: the one amount of the sum still missing is the
 *     amount read without a label that the sum leaves for it ({@link #paymentBySum}); the one payment read as no amount
 *     is what the sum leaves for it when a read there ends so ({@link #paymentLeftBySum}); an amount of the sum whose ¥ was
 *     read as its first digit is the rest when that alone makes the sum hold ({@link #signReadAsDigit}; never a total
 *     the fee lines add up to as read); a stay's
 *     discharge is the one unlabelled date between the admission and the issue ({@link #dischargeInTheStay}); an amount
 *     whose label the seal left a remnant of is the one open field the remnant can be ({@link #labelRemnant}). A payer
 *     nothing read is read with its label before it ({@link #payerWithItsLabel}).</li>
 * <li>A total the fee lines, all read, do not add up to is read twice again; two looks agreeing with the lines' sum
 *     replace it ({@link #totalAgainstLines}).</li>
 * <li>Lines asked in the characters of numbers are read by the OCR engine's Latin model (see {@code TesseractOcr}).</li>
 * </ul>
 * What comes out is judged by {@link ReceiptChecks} like any other value.
 */
final class SecondReads {

    /** The scale of the second read, and of the third when the first two differ. */
    static final double SECOND_SCALE = 2.0;
    static final double THIRD_SCALE = 1.5;
    /**
     * A value of its field's form read with less confidence than this is read again as one without it: a grey scan's
     * ¥3540.73 came back as 540.73 at 0.07, the ¥ and the 3 run together. Left as read when the two looks disagree. (Two
     * looks that add a 3 alone, no ¥ before it, now leave it out: {@link #signReadAsThree}; that scan's 3540.73 among them.)
     * Set 1 (its bench, its other forms as scans, photos, noisy, blurred and JPEG images) read the same with it.
     */
    static final double UNSURE = 0.3;
    /**
     * A code (票据代码, 票据号码, 校验码) read in its form with less confidence than this is read again as an unsure value
     * is: the one value on which the claim's duplicate check and the receipt's verification rest, and no sum or count
     * checks it. A worn scanner's image (set 1's FADEDSCAN and TFADEDSCAN, seed 13) read the number 3033649655 at 0.60
     * where both looks read 3033640655. Taken from the looks only as an unsure one is, when they agree, or a look at a
     * third scale with them ({@link #codeAgain}); the page's read stays otherwise.
     */
    static final double CODE_UNSURE = 0.7;
    /** A name two of three reads agree on, but not all, is a little less sure. */
    static final double OUTVOTED_TRUST = 0.9;

    private static final List<ReceiptField> NAMES = List.of(ReceiptField.PAYER_NAME, ReceiptField.HOSPITAL);
    private static final String DIGITS = "0123456789";

    /** How a kind of field is written: the characters to read it in, its spelling, its form. */
    private record Kind(String alphabet, UnaryOperator<String> spelling, Pattern form) {
    }

    private static final Kind NAME = new Kind("", FieldText::payerName, Pattern.compile("\\p{IsHan}{2,}"));
    private static final Kind HOSPITAL_NAME = new Kind("", FieldText::hospital, NAME.form());
    /** An amount's characters, and ¥ for the sign before it to be read as (and dropped by its spelling), not as a digit. */
    private static final Kind AMOUNT = new Kind(DIGITS + ".¥", SecondReads::signedAmount, Pattern.compile("\\d+\\.\\d{2}"));

    /**
     * An amount as a look in an amount's characters read it: when it holds the sign, the amount from the sign to its second
     * decimal (a look runs on past the amount into the next label, whose characters come back as digits, or to the next
     * amount's sign: .¥642.0484, .¥183.13¥3837, or both, the label's characters read as digits before that sign:
     * .¥183.1310014¥38057, a thin Song face's 自付金额 under the seal); else {@link FieldText#money}.
     */
    static String signedAmount(String look) {
        Matcher m = SIGNED.matcher(look);
        return m.lookingAt() ? m.group(1) : FieldText.money(look);
    }

    /** An amount's sign as a look reads it, a mark or two before it perhaps (.¥, the colon's remnant). */
    private static final String SIGN = "[^\\d¥￥]{0,2}[¥￥]+";

    private static final Pattern SIGNED = Pattern.compile(SIGN + "(\\d+\\.\\d{2})\\d*(?:[¥￥].*)?$");

    /** An amount's sign, a mark right after it and the digits after the mark: ¥.33.64, a thin Song face's 75 read as a point, or ¥.441.20, its ¥ as a point and a 4. */
    private static final Pattern MARK_AFTER_THE_SIGN = Pattern.compile(SIGN + "[.,:]+(\\d+\\.\\d{2})");

    /**
     * A date's characters: digits and the separators of the forms receipts print (2026-05-12, 2026/05/12, 2026.05.12,
     * 20260512) — read without '/' and '.', a slash or a point had to come back as a digit, and no date was made of it
     * (set 2's slashed dates, most of its dates missing). 2026年05月12日's characters are Chinese and read on the page.
     */
    private static final Kind DATE = new Kind(DIGITS + "-/.", FieldText::date, Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));

    /** A date written in Chinese characters, 2025年5月17日: read in any characters. */
    private static final Kind DATE_IN_WORDS = new Kind("", FieldText::date, DATE.form());

    private SecondReads() {
    }

    private static Kind kind(ReceiptField field) {
        return switch (field) {
            case PAYER_NAME -> NAME;
            case HOSPITAL -> HOSPITAL_NAME;
            case INVOICE_CODE -> new Kind(DIGITS, FieldText::code, Pattern.compile("\\d{" + ReceiptChecks.CODE_DIGITS + "}"));
            case INVOICE_NUMBER -> new Kind(DIGITS, FieldText::code, Pattern.compile("\\d{" + ReceiptChecks.NUMBER_DIGITS + "}"));
            case CHECK_CODE -> new Kind(DIGITS + "abcdef", FieldText::checkCode, ReceiptChecks.CHECK_CODE);
            // a stay under 住院时间 is one range, whose read in a date's characters makes no single date and so is never taken
            case ISSUE_DATE, VISIT_DATE, ADMISSION_DATE, DISCHARGE_DATE -> DATE;
            default -> AMOUNT;
        };
    }

    static ReceiptReading apply(ReceiptReading reading, LineReader lines) {
        return apply(reading, lines, null);
    }

    /**
     * As above, with the list of hospitals (null: none) to choose among the reads of the hospital's name
     * ({@link #listedAmong}).
     */
    static ReceiptReading apply(ReceiptReading reading, LineReader lines, HospitalList hospitals) {
        if (lines == LineReader.NONE) return reading;
        Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
        fields.putAll(reading.fields());
        List<String> warnings = new ArrayList<>(reading.warnings());
        List<ReceiptField> disagreed = new ArrayList<>();
        List<Value> hospitalReads = new ArrayList<>();
        for (ReceiptField field : NAMES) {
            Value first = fields.get(field);
            if (first == null || first.area() == null) continue;
            List<Value> reads = new ArrayList<>();
            Area roomAfter = roomAfter(reading, field, first);
            Value name = name(field, first, lines, field == ReceiptField.HOSPITAL ? hospitals : null, roomAfter, reads, warnings);
            if (field == ReceiptField.HOSPITAL && hospitals != null && !listed(hospitals, name)) {
                Value listed = listedWithoutSeal(room(reading, field, first), lines, hospitals, reads);
                if (listed == null) listed = listedAtOtherScales(hospitals, reads, roomAfter != null ? HOSPITAL_IN_ITS_ROOM : HOSPITAL_NAME, lines);
                if (listed == null) listed = listedFromItsSlot(reading, first, lines, hospitals);
                if (listed != null) name = listed;
            }
            if (field == ReceiptField.HOSPITAL) hospitalReads.addAll(reads);
            Value nearest = name == null && field == ReceiptField.HOSPITAL && hospitals != null ? nearestOfAll(hospitals, reads) : null;
            if (nearest != null) {
                fields.put(field, nearest);
                warnings.add(nearestWarning(field, reads, nearest));
            } else if (name != null) {
                fields.put(field, name);
            } else {
                fields.remove(field);
                disagreed.add(field);
                warnings.add(field.chinese() + "几次识别的结果不一致，已舍弃，请核对");
            }
        }
        Value institution = hospitals == null || !unread(ReceiptField.HOSPITAL, reading, fields) ? null : listedInstitution(reading, lines, hospitals);
        if (institution != null) {
            fields.put(ReceiptField.HOSPITAL, institution);
            warnings.add("收款单位的标签未能识别，页上读到医疗机构名录中的「" + institution.text() + "」，按收款单位取用，请核对原件");
        }
        Map<ReceiptReading.Unlabelled, LabelLooks> looked = labelsOfUnlabelled(reading, fields, lines);
        labelRemnant(reading, fields, warnings, lines, looked);
        dischargeInTheStay(reading, fields, warnings, lines);
        boolean summed = sumConfirms(reading, fields);
        // a look made again at the same place and scale is not read again (an amount's looks, read raw once more for the
        // digits before the page's read)
        LineReader seen = remembering(lines);
        for (Map.Entry<ReceiptField, Value> e : List.copyOf(fields.entrySet())) {
            Kind kind = kind(e.getKey());
            Area where = where(reading, e.getKey(), e.getValue());
            // an amount of a sum that holds as read is witnessed by the others, however unsure its read: not looked at again;
            // one placed by a look at its label is looked at as an unsure one is (placedByItsLabel)
            boolean placed = kind == AMOUNT && e.getValue().confidence() >= UNSURE && placedByItsLabel(reading, e.getValue());
            double doubted = ReceiptChecks.CODES.contains(e.getKey()) ? CODE_UNSURE : UNSURE;
            boolean unsure = (e.getValue().confidence() < doubted || placed) && !(summed && SUM.contains(e.getKey()));
            if (kind == null || names(kind) || where == null || kind.form().matcher(e.getValue().text()).matches() && !unsure) continue;
            List<Value> looks = looks(where, kind, seen);
            Value again = agreed(looks, where);
            // the looks may give such an amount back the digits the page lost before it, not read it otherwise: a thin
            // face's photo, 738.81 read right by the page, 238.81 by both looks
            if (placed && again != null && !again.text().endsWith(e.getValue().text())) continue;
            if (kind == AMOUNT && again != null) again = furtherLeft(e.getValue(), again, where, seen);
            if (again == null && ReceiptChecks.CODES.contains(e.getKey())) again = codeAgain(e.getValue(), looks, where, kind, lines);
            if (again == null && kind == AMOUNT) again = signAsideAgreed(e.getValue(), looks, where, kind, lines);
            if (again == null && kind == AMOUNT) again = amountSeenAgain(e.getValue(), looks, where, seen);
            Value pointed = again == null && kind == AMOUNT ? pointLost(e.getValue(), where, lines) : null;
            if (pointed != null) {
                again = pointed;
                warnings.add(e.getKey().chinese() + "读作 " + FieldText.money(e.getValue().text()) + "，再次识别也未见小数点，按末两位为小数取 "
                        + pointed.text() + "，请核对原件");
            }
            // a 3 before the page's amount that may be the ￥: the sum, when it can, says which read is the amount; else neither
            if (again != null && kind == AMOUNT && signReadAsThree(e.getValue().text(), again.text(), where, lines)
                    && !sumSays(reading, fields, e.getKey(), again)) {
                Value page = new Value(withoutSignMisread(e.getValue().text()), e.getValue().confidence(), e.getValue().area());
                if (sumSays(reading, fields, e.getKey(), page)) {
                    fields.put(e.getKey(), page);
                } else {
                    leaveOut(e.getKey(), fields, disagreed, warnings, e.getKey().chinese() + "读作 " + page.text() + "，再次识别读作 "
                            + again.text() + "，首位的 3 可能是 ¥ 的误读，无法判断，已舍弃，请核对原件");
                }
                continue;
            }
            // a mark the page read between an amount's digits stood for one (2-2.92 for 272.92, a thin face's 7 in a photo):
            // looks that read the digits either side of it together (22.92) lost that digit too
            if (again != null && kind == AMOUNT && markForADigit(e.getValue().text(), again.text())) {
                leaveOut(e.getKey(), fields, disagreed, warnings, e.getKey().chinese() + "读作 " + e.getValue().text() + "，再次识别读作 "
                        + again.text() + "，少了页上读到的一位，已舍弃，请核对原件");
                continue;
            }
            // an unsure amount no two looks agreed on, that a look reads after the sign with digits before it, lost them
            String whole = again == null && kind == AMOUNT ? readWithDigitsBefore(e.getValue().text(), where, seen) : null;
            if (whole != null) {
                leaveOut(e.getKey(), fields, disagreed, warnings, e.getKey().chinese() + "读作 " + e.getValue().text()
                        + "，再次识别在 ¥ 后读到 " + whole + "，像是缺了前几位，已舍弃，请核对原件");
                continue;
            }
            // the look at the third scale asked only when the second read a mark after the sign: no look more otherwise
            String second = kind == AMOUNT ? lookText(where, SECOND_SCALE, seen) : null;
            String marked = second != null && MARK_AFTER_THE_SIGN.matcher(second).lookingAt()
                    ? leadingDigitsInDoubt(e.getValue().text(), Arrays.asList(second, lookText(where, THIRD_SCALE, seen))) : null;
            if (marked != null) {
                leaveOut(e.getKey(), fields, disagreed, warnings, e.getKey().chinese() + "读作 " + e.getValue().text()
                        + "，再次识别在 ¥ 后读到一个标点和 " + marked + "，前几位无法确定，已舍弃，请核对原件");
                continue;
            }
            // an unsure amount whose looks agree it begins otherwise than the page read it, and disagree after: no read to take
            List<String> disputed = again == null && kind == AMOUNT ? firstDigitDisputed(e.getValue().text(), looks) : null;
            if (disputed != null) {
                leaveOut(e.getKey(), fields, disagreed, warnings, e.getKey().chinese() + "读作 " + e.getValue().text() + "，再次识别读作 "
                        + disputed.getFirst() + " 和 " + disputed.getLast() + "，首位与页上不同，两次又不一致，已舍弃，请核对原件");
                continue;
            }
            if (again != null) fields.put(e.getKey(), kind == AMOUNT ? whereThePageReadIt(again, e.getValue(), lines.sealDisc()) : again);
        }
        reading.slots().forEach((field, slot) -> {
            Kind kind = kind(field);
            // a name left out because its reads disagree is not read again where it stands: two more looks at the same
            // pixels could agree on a misread (机阳市 for 枣阳市, read right by the page) under the warning just given
            if (fields.containsKey(field) || kind == null || disagreed.contains(field)) return;
            List<Value> looks = field == ReceiptField.PAYER_NAME ? payerLooks(slot, lines) : looks(slot, kind, lines);
            Value again = agreed(looks, slot);
            if (again == null && kind == DATE) again = leadingDateTwice(slot, reading, lines);
            if (again == null && field == ReceiptField.PAYER_NAME) again = beforeAStroke(looks, slot, warnings);
            if (again == null && ReceiptChecks.CODES.contains(field)) again = codeAgain(null, looks, slot, kind, lines);
            // two looks at a hospital's slot that differ, one naming a listed hospital and the other a character or two
            // from it and from no other (草门市第二人民医院, a thin Song face's 荆): the list chooses, as for the page's read
            if (again == null && field == ReceiptField.HOSPITAL && hospitals != null && looks.size() == 2) again = listedAmong(hospitals, looks);
            // and a hospital no look at its slot named a listed one with is looked at there without the seal, and all the
            // looks, too damaged to name one, may still come nearest to one (京山市中医作息, 京山市中医人尽, 京山市中医伐院)
            if (again == null && field == ReceiptField.HOSPITAL && hospitals != null) {
                List<Value> reads = new ArrayList<>(looks);
                again = listedWithoutSeal(slot, lines, hospitals, reads);
                hospitalReads.addAll(reads);
                Value nearest = again == null ? nearestOfAll(hospitals, reads) : null;
                if (nearest != null) {
                    fields.put(field, nearest);
                    warnings.add(nearestWarning(field, reads, nearest));
                    return;
                }
            }
            if (again != null && (!names(kind) || ReceiptChecks.usual(field, again.text()))) fields.put(field, again);
        });
        // an admission date read only now, at its slot (leadingDateTwice), is the stay's start a lost discharge is found by
        dischargeInTheStay(reading, fields, warnings, lines);
        Value sealed = hospitals == null || fields.containsKey(ReceiptField.HOSPITAL) ? null : onItsSeal(hospitalReads, lines, hospitals);
        if (sealed != null) {
            fields.put(ReceiptField.HOSPITAL, sealed);
            warnings.remove(ReceiptField.HOSPITAL.chinese() + "几次识别的结果不一致，已舍弃，请核对");
            warnings.add("收款单位未能读出，印章上读到医疗机构名录中的「" + sealed.text() + "」，按收款单位取用，请核对原件");
        }
        // a hospital the list doubts is kept when every read of it agrees and the seal shows it; reads that outvoted another
        // (武汉市江岸区百步孩… by both looks, 百步闻 by the page) say the line was hard to read, and a seal in the same face can
        // share the misread (吐步孩 on the seal, for 百步亭)
        Value hospital = fields.get(ReceiptField.HOSPITAL);
        if (hospital != null && hospitals != null && hospitals.doubts(hospital.text()) && !hospitalReads.isEmpty()
                && hospitalReads.stream().allMatch(read -> read.text().equals(hospital.text())) && hospitals.sealShows(hospital.text(), lines.readSealWords())) {
            warnings.add(hospitals.sealShownWarning(hospital.text()));
        }
        if (!fields.containsKey(ReceiptField.PAYER_NAME) && !disagreed.contains(ReceiptField.PAYER_NAME)) {
            Value payer = payerWithItsLabel(reading.slots().get(ReceiptField.PAYER_NAME), lines);
            if (payer != null) fields.put(ReceiptField.PAYER_NAME, payer);
        }
        Value dotted = withItsMiddleDot(fields.get(ReceiptField.PAYER_NAME), lines);
        if (dotted != null) fields.put(ReceiptField.PAYER_NAME, dotted);
        ReceiptReading read = reading.with(fields, warnings);
        ReceiptReading checked = withoutUnsureOfASumThatFails(totalInItsWords(paymentLeftBySum(paymentBySum(signReadAsDigit(cutShortWithoutSeal(sumWithoutSeal(sumsAgain(totalAgainstLines(read,
                lines), lines), lines), lines))), lines)));
        return withoutUnwitnessedUnderTheSeal(checked, lines);
    }

    /**
     * A total whose figures no read found (the seal over （小写）, the words beside it clear of it), or found as no amount
     * (set 2's doc-015 photographed: ¥623432 for 6245.32, and its looks ¥624632, the point lost and a digit misread), is
     * the sum of the payments, every one of them read, when the words read after （大写） agree with that sum ({@link AmountInWords#agrees}:
     * 伍什制佰起拾参元零壹分 with 5823.01, its misread characters saying nothing and every capital read in its place the
     * sum's): the total written twice on the receipt, in words and by the payments it is the sum of. A little less sure
     * than the least sure payment ({@link PageReading#PLACED_TRUST}), with a warning; the reading as it was otherwise.
     * The figures read as no amount witness it too, when their digits are the sum's, all of them, the sign perhaps read as
     * one more before them or the point as a 1 ({@link #figuresAgree}: 1282671 for 2826.71, the words beside too damaged
     * to agree).
     */
    static ReceiptReading totalInItsWords(ReceiptReading reading) {
        Map<ReceiptField, Value> fields = reading.fields();
        if (fields.containsKey(ReceiptField.TOTAL) && FieldText.isMoney(fields.get(ReceiptField.TOTAL).text())) return reading;
        // every payment read as money: a value not yet dropped by the checks (a fax's 1Y3.50) is none to add
        BigDecimal paid = ReceiptChecks.paid(moneyOnly(fields), reading);
        if (paid == null) return reading;
        String total = paid.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
        for (ReceiptReading.Unlabelled read : reading.unlabelled()) {
            String text = read.value().text();
            String warning;
            if (read.sort() == ReceiptReading.Sort.WORDS && AmountInWords.agrees(text, paid)) {
                warning = "金额合计（小写）未能识别，大写「" + text + "」与各项支付之和 " + total + " 相符，按金额合计取用，请核对原件";
            } else if (read.sort() == ReceiptReading.Sort.FIGURES && figuresAgree(text, total)) {
                warning = "金额合计（小写）读作「" + text + "」，不是金额，其数字与各项支付之和 " + total + " 相符，按金额合计取用，请核对原件";
            } else {
                continue;
            }
            double sure = ReceiptChecks.PAYMENTS.stream().filter(fields::containsKey).mapToDouble(f -> fields.get(f).confidence()).min().orElse(1);
            Map<ReceiptField, Value> withTotal = new EnumMap<>(fields);
            withTotal.put(ReceiptField.TOTAL, new Value(total, sure * PageReading.PLACED_TRUST, read.value().area()));
            List<String> warnings = new ArrayList<>(reading.warnings());
            warnings.add(warning);
            return reading.with(withTotal, warnings);
        }
        return reading;
    }

    /**
     * Whether figures read as no amount are the amount's digits, every one, its point lost or read as a 1
     * ({@link #pointReadAsOne}), a sign before them perhaps read as one digit more (1282671 and 12826171 for 2826.71), at
     * least {@link #LEFT_DIGITS_SEEN} digits.
     */
    static boolean figuresAgree(String figures, String amount) {
        String digits = amount.replace(".", "");
        String read = figures.replace(".", "");
        if (digits.length() < LEFT_DIGITS_SEEN || !read.matches("\\d+")) return false;
        String withoutPoint = pointReadAsOne(read);
        return digitsOf(read, digits) || withoutPoint != null && digitsOf(withoutPoint, digits);
    }

    /** Whether a read's digits are these, or these after one digit more (a sign read as a digit). */
    private static boolean digitsOf(String read, String digits) {
        return read.equals(digits) || read.length() == digits.length() + 1 && read.endsWith(digits);
    }

    /**
     * The reading without the amounts of a sum that still does not hold, every other way of mending it tried, that were
     * read unsure (under {@link #UNSURE}): such a read was looked at twice and no two looks read it alike (they would
     * have given it their confidence), or one look only read it as the page did after its sign was set aside
     * ({@link #signAsideAgreed}, at the page's confidence when lower). A colour photo's 医保统筹基金支付 under the seal's
     * ring read 4321.49 at 0.29 for 1321.49, its looks reading 321.490.00. The sum says an amount is wrong and the unsure read is
     * the likeliest; kept, it would be a wrong value with only a warning beside it. Nothing is left out while the sum
     * holds or cannot be checked. Left out only at the end: taken out earlier, a right amount read unsure kept the sum
     * from mending another (84683.75 for ¥4683.75, {@link #signReadAsDigit}).
     */
    static ReceiptReading withoutUnsureOfASumThatFails(ReceiptReading reading) {
        if (sumHolds(reading, reading.fields())) return reading;
        List<ReceiptField> unsure = SUM.stream().filter(f -> reading.fields().containsKey(f) && FieldText.isMoney(reading.fields().get(f).text())
                && reading.fields().get(f).confidence() < UNSURE).toList();
        return without(reading, unsure, "金额合计与各项支付之和不符，" + chinese(unsure) + "识别把握不大，已舍弃，请核对原件");
    }

    /**
     * The amounts read inside the seal's disc ({@link LineReader#sealDisc}: a grey page read with the words under the seal
     * on it), each taken only with a witness: the payments adding up to the total to the cent (for the amounts of that
     * sum), or a look at the page's data parted from the seal by grey ({@link LineReader#readLineWithoutSeal}), at
     * {@link #SECOND_SCALE} or else at {@link #THIRD_SCALE}, reading the same amount. Else it is left out with a warning:
     * on such a page a stroke of the ring or star left by the dividing can stand in the figures as a digit, and an amount
     * read so is WRONG where one left out is only missing. A look at the page read itself is no witness: it holds the same
     * strokes (SONGSCAN seed 6's 2223.07 for 2223.97 read so again there). Set 1's 17 grey renderings (seeds 1–30, the
     * template's 0–39), with the star divided out: 7,336 fields right, 75 WRONG; with the guard 7,258 right, 41 WRONG
     * (the pale and soft scans' totals and payments under the star); with the look at the third scale too, 7,268 and 41.
     */
    static ReceiptReading withoutUnwitnessedUnderTheSeal(ReceiptReading reading, LineReader lines) {
        LineReader.Disc disc = lines.sealDisc();
        if (disc == null) return reading;
        boolean witnessedBySum = sumConfirms(reading, reading.fields());
        List<ReceiptField> witnessedByOwnShare = ownShareConfirms(reading.fields());
        LineReader withoutSeal = lines::readLineWithoutSeal;
        List<ReceiptField> left = new ArrayList<>();
        reading.fields().forEach((field, value) -> {
            if (kind(field) != AMOUNT || value.area() == null || !FieldText.isMoney(value.text()) || !disc.reaches(value.area())) return;
            if (witnessedBySum && SUM.contains(field) || witnessedByOwnShare.contains(field)) return;
            Area where = where(reading, field, value);
            boolean witnessed = DoubleStream.of(SECOND_SCALE, THIRD_SCALE).anyMatch(scale -> {
                Value look = read(where, scale, AMOUNT, withoutSeal);
                return look != null && look.text().equals(value.text());
            });
            if (!witnessed) left.add(field);
        });
        return without(reading, left, chinese(left) + "在印章下，读数无从印证，已舍弃，请核对原件");
    }

    /**
     * The amounts of the worker's own share that witness each other: 个人自付 and 个人自费 adding up to the cent to 个人现金支付,
     * or to 个人账户支付 and 个人现金支付 together, each read in its own place; empty when they do not. The two ways the
     * worker's payment is told (by what it paid for, by what it was paid from) are read on separate rows, and a digit
     * misread in any one of them breaks the sum (a soft scan's 个人自付 966.02 and 个人自费 130.68 under the seal, the looks
     * without it reading ¥966.024 for the star's point: they make the 1096.70 paid in cash, and were left out).
     */
    static List<ReceiptField> ownShareConfirms(Map<ReceiptField, Value> fields) {
        Map<ReceiptField, Value> money = moneyOnly(fields);
        if (!money.keySet().containsAll(List.of(ReceiptField.SELF_PAID, ReceiptField.SELF_FUNDED, ReceiptField.CASH_PAID))) return List.of();
        BigDecimal own = new BigDecimal(money.get(ReceiptField.SELF_PAID).text()).add(new BigDecimal(money.get(ReceiptField.SELF_FUNDED).text()));
        BigDecimal cash = new BigDecimal(money.get(ReceiptField.CASH_PAID).text());
        Value account = money.get(ReceiptField.PERSONAL_ACCOUNT_PAID);
        List<ReceiptField> witnesses;
        if (own.compareTo(cash) == 0) {
            witnesses = List.of(ReceiptField.SELF_PAID, ReceiptField.SELF_FUNDED, ReceiptField.CASH_PAID);
        } else if (account != null && own.compareTo(cash.add(new BigDecimal(account.text()))) == 0) {
            witnesses = List.of(ReceiptField.SELF_PAID, ReceiptField.SELF_FUNDED, ReceiptField.CASH_PAID, ReceiptField.PERSONAL_ACCOUNT_PAID);
        } else {
            return List.of();
        }
        for (int i = 0; i < witnesses.size(); i++) {
            for (int j = i + 1; j < witnesses.size(); j++) {
                Area one = money.get(witnesses.get(i)).area(), other = money.get(witnesses.get(j)).area();
                if (one == null || other == null || one.overlaps(other)) return List.of();
            }
        }
        return witnesses;
    }

    /** The reading without the fields named (as it was when there are none), and the reviewer's warning that says why. */
    private static ReceiptReading without(ReceiptReading reading, List<ReceiptField> left, String warning) {
        if (left.isEmpty()) return reading;
        Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
        fields.putAll(reading.fields());
        left.forEach(fields::remove);
        List<String> warnings = new ArrayList<>(reading.warnings());
        warnings.add(warning);
        return reading.with(fields, warnings);
    }

    private static String chinese(List<ReceiptField> fields) {
        return String.join("、", fields.stream().map(ReceiptField::chinese).toList());
    }

    /**
     * When the total is not the sum of the payments, the one amount of the sum whose read without its first digit makes
     * the sum hold to the cent is taken so: the ¥ before it read as a digit (set 1's other forms as scans: 84683.75 for
     * ¥4683.75, every look reading the 8 too). Taken only when exactly one amount does, a little less sure
     * ({@link PageReading#PLACED_TRUST}) and with a warning: the sum says which amount the sign became part of, the
     * digits are the page's. Never the total when every fee line was read and they add up to it as read: the lines say its
     * digits are right, and a payment lost its first digit instead (a blurred template's 18355.84, read right, taken as
     * 8355.84 because 13169.03 was read 3169.03; the sum then fails for the checks to flag, which payment it is unsaid).
     */
    static ReceiptReading signReadAsDigit(ReceiptReading reading) {
        Map<ReceiptField, Value> fields = moneyOnly(reading.fields());
        if (sumHolds(reading, fields)) return reading;
        ReceiptField mended = null;
        Value shorter = null;
        for (ReceiptField field : SUM) {
            Value value = fields.get(field);
            if (value == null || value.text().substring(1).matches("0\\d.*")) continue;
            if (field == ReceiptField.TOTAL && linesAddUpTo(reading, value)) continue;
            Value without = signAside(reading, fields, field, PageReading.PLACED_TRUST);
            if (without == null) continue;
            if (mended != null) return reading;
            mended = field;
            shorter = without;
        }
        if (mended == null) return reading;
        return withOne(reading, mended, shorter, mended.chinese() + "读作 " + reading.fields().get(mended).text()
                + "，去掉可能由 ¥ 误读的首位数字后为 " + shorter.text() + "，与金额合计和其余各项支付相符，按此取用，请核对原件");
    }

    /** Whether every fee line was read and they add up to the amount as read: the lines say its digits are the total's. */
    private static boolean linesAddUpTo(ReceiptReading reading, Value total) {
        return reading.allLinesRead() && !reading.lines().isEmpty() && FieldText.isMoney(total.text())
                && ReceiptChecks.feeSum(reading).compareTo(new BigDecimal(total.text())) == 0;
    }

    /**
     * The amount read without its first digit, at its confidence times {@code trust}, when the amount is two digits or
     * more and two decimals and without that digit makes the sum hold to the cent with the other amounts as read; else null.
     */
    private static Value signAside(ReceiptReading reading, Map<ReceiptField, Value> fields, ReceiptField field, double trust) {
        Value value = fields.get(field);
        if (value == null || !value.text().matches("\\d{2,}\\.\\d{2}")) return null;
        Value without = new Value(value.text().substring(1), value.confidence() * trust, value.area());
        Map<ReceiptField, Value> attempt = new EnumMap<>(fields);
        attempt.put(field, without);
        return sumCorroborated(reading, attempt) ? without : null;
    }

    /** The reading with one field's value put in (added or replaced) and the reviewer's warning that says why. */
    private static ReceiptReading withOne(ReceiptReading reading, ReceiptField field, Value value, String warning) {
        Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
        fields.putAll(reading.fields());
        fields.put(field, value);
        List<String> warnings = new ArrayList<>(reading.warnings());
        warnings.add(warning);
        return reading.with(fields, warnings);
    }

    /**
     * The one amount of the sum still missing when the four others were read, taken from the amounts read where no label
     * was ({@link ReceiptReading#unlabelled()}): when exactly one of them is what the sum leaves for it to the cent (the
     * total less the payments, or the payments added up for the total) and that is more than nothing. Its label was lost
     * (set 1's other forms: the form's red seal over 统筹基金支付, read as 筹基金结付 or not at all) but its amount was
     * read whole, and the sum is the witness that says whose it is; the amount itself is the page's read, never the
     * sum's. Nothing is taken when the remainder is nothing (退费金额 0.00 beside it would say as much) or when two
     * amounts read equal it. A little less sure ({@link PageReading#PLACED_TRUST}), with a warning for the reviewer.
     */
    static ReceiptReading paymentBySum(ReceiptReading reading) {
        Map<ReceiptField, Value> fields = moneyOnly(reading.fields());
        List<ReceiptField> missing = SUM.stream().filter(f -> !fields.containsKey(f)).toList();
        if (missing.size() != 1) return reading;
        ReceiptField field = missing.getFirst();
        BigDecimal paid = BigDecimal.ZERO;
        for (ReceiptField f : SUM) if (f != ReceiptField.TOTAL && f != field) paid = paid.add(new BigDecimal(fields.get(f).text()));
        BigDecimal left = field == ReceiptField.TOTAL ? paid : new BigDecimal(fields.get(ReceiptField.TOTAL).text()).subtract(paid);
        if (left.signum() <= 0) return reading;
        List<Area> taken = reading.fields().values().stream().map(Value::area).toList();
        List<Value> candidates = reading.unlabelled().stream()
                .filter(u -> u.amount() && !taken.contains(u.value().area()))
                .map(ReceiptReading.Unlabelled::value)
                .filter(v -> FieldText.isMoney(FieldText.money(v.text())) && new BigDecimal(FieldText.money(v.text())).compareTo(left) == 0)
                .toList();
        if (candidates.size() != 1) return reading;
        Value found = candidates.getFirst();
        String amount = FieldText.money(found.text());
        return withOne(reading, field, new Value(amount, found.confidence() * PageReading.PLACED_TRUST, found.area()),
                field.chinese() + "的标签未能识别，页上无标签的金额 " + amount + " 与金额合计和其余各项支付相符，按" + field.chinese() + "取用，请核对原件");
    }

    /**
     * The one payment of the sum the page read as no amount, or did not read where its label was (1, 于0全, 壮f郁28: a
     * thin Song face under the seal's ring), the total and every other payment read as money: the amount the sum leaves
     * for it (the total less the others, never less than nothing) is taken when what was read of it says so — the first
     * amount the page's read or a look at its place, with or without the seal, reads there ends with the last
     * {@link #LEFT_DIGITS_SEEN} digits of it, its two decimals among them (821.49 under the ring for 1321.49; 0.00 when
     * the others add up to the total on their own), or is it less one digit, its last kept ({@link #oneDigitLost}: a thin
     * Song face's photo read 1730.01 as 17301), or is its first digits, three or more, cut short by the seal's star
     * ({@link #beginsCutShort}: 173¥0.00 for 1730.01, the next amount run on after it; the warning then says 前几位). The
     * first amount only: a look runs on along the line to the next label's (the template's 医保统筹基金支付 0.00 and then
     * 其他支付's 603.78, that label not read: taken so, 603.78 was WRONG), and not another's ({@link #anothers}). The
     * total and every other payment must each be read so again by a look (at {@link #SECOND_SCALE}, else {@link #THIRD_SCALE}): a leading digit lost or misread in
     * one of them would shift what is left by its place and keep its last digits. Not read at all and not labelled, 其他支付 counts as nothing, as in the checks; when it was
     * there unread, what is left is its amount and this one's, whose last digits are neither's but by chance. So too the
     * one payment read whole as money that is what the sum leaves with its first digits lost ({@link #readShortAtTheFront}:
     * 683.75 for 4683.75, a pale scan's seal over its first digit), the warning then saying they may lie under the seal;
     * and the total read whole as money that is the payments added up with its first digits lost (751.46 for 3751.46),
     * every payment read again so by a look. The total unread, every payment read, is their sum only where a look at its
     * place reads that sum whole ({@link #totalSeenWhole}).
     * A little less sure ({@link PageReading#PLACED_TRUST}), with a warning for the reviewer that names the read.
     */
    static ReceiptReading paymentLeftBySum(ReceiptReading reading, LineReader lines) {
        Map<ReceiptField, Value> money = moneyOnly(reading.fields());
        boolean otherAbsent = ReceiptChecks.otherAbsent(reading.fields(), reading);
        List<ReceiptField> open = SUM.stream().filter(f -> !money.containsKey(f) && !(f == ReceiptField.OTHER_PAID && otherAbsent)).toList();
        ReceiptField field = open.size() == 1 ? open.getFirst() : open.isEmpty() ? readShortAtTheFront(money, reading) : null;
        if (field == null) return reading;
        // the total unread is the payments' sum only where a look reads that sum there whole (totalSeenWhole)
        boolean totalUnread = field == ReceiptField.TOTAL && !open.isEmpty();
        Value first = reading.fields().get(field);
        Area where = first != null ? where(reading, field, first) : reading.slots().get(field);
        if (where == null) return reading;
        double sure = 1.0;
        for (ReceiptField f : SUM) {
            Value read = money.get(f);
            if (read == null || f == field) continue;
            Area at = where(reading, f, read);
            Value look = at == null ? null : firstAmount(at, SECOND_SCALE, lines);
            if (at != null && (look == null || !look.text().equals(read.text()))) look = firstAmount(at, THIRD_SCALE, lines);
            if (look == null || !look.text().equals(read.text())) return reading;
            sure = Math.min(sure, Math.min(read.confidence(), look.confidence()));
        }
        BigDecimal left = leftFor(money, field, reading);
        String seen = left.signum() < 0 ? null : totalUnread ? totalSeenWhole(left.toPlainString(), where, lines)
                : seenAs(left.toPlainString(), first, where, lines);
        if (seen == null) return reading;
        String amount = left.toPlainString();
        boolean cutShort = money.containsKey(field);
        String warning = field.chinese() + (first == null ? "未能识别" : cutShort ? "读作 " + first.text() : "未能识别为金额（读作「" + first.text() + "」）")
                + (field == ReceiptField.TOTAL ? "，各项支付之和为 " : "，金额合计减其余各项支付为 ") + amount + "，与页上识别出的" + seen + "相符"
                + (cutShort ? "，前几位可能被印章遮挡" : "") + "，按此取用，请核对原件";
        return withOne(reading, field, new Value(amount, sure * PageReading.PLACED_TRUST, where), warning);
    }

    /**
     * The one amount of a sum read whole as money that is what the sum leaves for it with its first digits lost: its
     * amount, {@link #LEFT_DIGITS_SEEN} digits or more, ends what the sum leaves for it (for a payment the total less the
     * other payments, for the total the payments added up), which is more; null when none is or several are. The total
     * so only when no payment's first digit may be a sign read as a digit ({@link #signReadAsDigit}: without it, that
     * payment makes the sum hold with the total as read): a payment a digit too long and a total its first digits short
     * make the same sum. Set 2's photos read 3828.59 as 28.59, the seal's star over its first digits.
     */
    private static ReceiptField readShortAtTheFront(Map<ReceiptField, Value> money, ReceiptReading reading) {
        if (!money.containsKey(ReceiptField.TOTAL)) return null;
        ReceiptField found = null;
        for (ReceiptField field : SUM) {
            Value read = money.get(field);
            if (read == null || read.text().replace(".", "").length() < LEFT_DIGITS_SEEN) continue;
            if (field == ReceiptField.TOTAL && (ReceiptChecks.paid(money, reading) == null || signMayBeADigit(money, reading))) continue;
            BigDecimal left = leftFor(money, field, reading);
            if (left.compareTo(new BigDecimal(read.text())) <= 0 || !left.toPlainString().endsWith(read.text())) continue;
            if (found != null) return null;
            found = field;
        }
        return found;
    }

    /** Whether a payment read without its first digit makes the sum hold with the total as read ({@link #signAside}). */
    private static boolean signMayBeADigit(Map<ReceiptField, Value> money, ReceiptReading reading) {
        return ReceiptChecks.PAYMENTS.stream().anyMatch(field -> signAside(reading, money, field, 1) != null);
    }

    /**
     * What the sum leaves for an amount: for a payment the total less every other payment read as money (one not read
     * counts as nothing), for the total the payments added up as the checks add them ({@link ReceiptChecks#paid}; null
     * when one is missing).
     */
    private static BigDecimal leftFor(Map<ReceiptField, Value> money, ReceiptField field, ReceiptReading reading) {
        if (field == ReceiptField.TOTAL) return ReceiptChecks.paid(money, reading);
        BigDecimal left = new BigDecimal(money.get(ReceiptField.TOTAL).text());
        for (ReceiptField other : SUM) {
            if (other != ReceiptField.TOTAL && other != field && money.containsKey(other)) left = left.subtract(new BigDecimal(money.get(other).text()));
        }
        return left;
    }

    /**
     * "金额" when a look at the total's place, at either scale, reads the payments' sum as one of its amounts, whole;
     * else null. The total is the check on the payments: it is taken from them only where the page shows that very sum
     * too, not a few of its last digits (a statement's 医疗费用总额 under the seal's ring, read as no amount, its slot's
     * look running on over the next payment's amount: 60¥30010.12¥20729.21, the four payments adding up to 30010.12).
     */
    private static String totalSeenWhole(String sum, Area where, LineReader lines) {
        for (double scale : new double[] {SECOND_SCALE, THIRD_SCALE}) {
            TextBox box = look(where, scale, AMOUNT.alphabet(), lines);
            if (box == null) continue;
            String read = TextLine.fold(box.text());
            Matcher amounts = AN_AMOUNT.matcher(read);
            while (amounts.find()) {
                boolean whole = amounts.start() == 0 || read.charAt(amounts.start() - 1) != '.';
                if (whole && amounts.group().equals(sum)) return "金额";
            }
        }
        return null;
    }

    /** The digits at least, with the two decimals, that a read must end an amount with for {@link #paymentLeftBySum}. */
    static final int LEFT_DIGITS_SEEN = 4;

    private static final Pattern AN_AMOUNT = Pattern.compile("\\d+\\.\\d{2}");

    /**
     * What the page's read, or a look at the amount's place with or without the seal at two scales, reads of it as its
     * first amount: 末几位 when it ends as {@code amount} does or is it less one digit, 前几位 when it is its first digits
     * cut short ({@link #beginsCutShort}); null when no read says so. A read whose first amount is another's
     * ({@link #anothers}) says nothing.
     */
    private static String seenAs(String amount, Value first, Area where, LineReader lines) {
        String digits = amount.replace(".", "");
        String ending = digits.substring(Math.max(0, digits.length() - LEFT_DIGITS_SEEN));
        boolean begun = false;
        if (first != null && !anothers(first.text(), digits)) {
            if (endsAs(first.text(), digits, ending)) return "末几位";
            begun = beginsCutShort(first.text(), digits);
        }
        LineReader withoutSeal = lines::readLineWithoutSeal;
        for (LineReader on : List.of(lines, withoutSeal)) {
            for (double scale : new double[] {SECOND_SCALE, THIRD_SCALE}) {
                TextBox box = look(where, scale, AMOUNT.alphabet(), on);
                if (box == null) continue;
                String read = TextLine.fold(box.text());
                if (anothers(read, digits)) continue;
                if (endsAs(read, digits, ending)) return "末几位";
                begun |= beginsCutShort(read, digits);
            }
        }
        return begun ? "前几位" : null;
    }

    /**
     * Whether the first amount of a read at a payment's place is another's: words stand before it (two Chinese
     * characters in a row, a label not found: the template's 其他支付 read 六地支作 before its 303.78, the payment's own
     * 0.00 before that read as marks), or it has more digits than what the sum leaves, and one more for a sign read as
     * a digit (15901030.98: the payment's 0.00 and 其他支付's 1030.98 run together, that label faded away). Either way
     * a label stood unread between, 其他支付's, and what the sum leaves is its amount and this one's together: the 1030.98
     * it ends with was 其他支付's. Unless nothing is left: each is then nothing, and a read of 0.00 and 0.00 run together
     * (9000.00) says so as well as one. Set 1's template from a worn scanner 453/126/8 → 453/128/6 (seeds 29 and 35); the
     * rest page for page.
     */
    static boolean anothers(String read, String digits) {
        Matcher m = AN_AMOUNT.matcher(read);
        if (!m.find()) return false;
        if (WORDS.matcher(read.substring(0, m.start())).find()) return true;
        return !digits.matches("0+") && m.group().replace(".", "").length() > digits.length() + 1;
    }

    private static final Pattern WORDS = Pattern.compile("\\p{IsHan}{2}");

    /** Whether a read's first amount ends with {@code ending}, or is the amount of these digits less one digit. */
    private static boolean endsAs(String read, String digits, String ending) {
        return firstAmountEnds(read, ending) || oneDigitLost(read, digits);
    }

    /**
     * Whether the first number of a read (digits and points) is the first digits of the amount of these digits, at least
     * {@link #CUT_SHORT_DIGITS} of them, and not all: the rest lost under the seal's star (a thin Song face's ¥1730.01
     * under it read 173¥0.00, the next amount run on after it). Nothing left (0.00) is begun so by a read of 0. or 0.0:
     * payments are never less than nothing, so where the others, each read again by a look, make the total on their own,
     * this one and any unread are nothing whatever was read of them, and a read that says so with what it kept suffices
     * (a thin Song face's 医保统筹基金支付 under the seal's ring, read 0.术” by the page, ¥0. and ¥0.0 by the looks).
     */
    static boolean beginsCutShort(String read, String digits) {
        Matcher m = FIRST_NUMBER.matcher(read);
        if (!m.find()) return false;
        if (digits.matches("0+")) return m.group().matches("0\\.0?");
        String kept = m.group().replace(".", "");
        return kept.length() >= CUT_SHORT_DIGITS && kept.length() < digits.length() && digits.startsWith(kept);
    }

    private static boolean firstAmountEnds(String read, String ending) {
        Matcher m = AN_AMOUNT.matcher(read);
        return m.find() && m.group().replace(".", "").endsWith(ending);
    }

    /**
     * Whether the first number of a read (digits and points) is the amount of these digits with one digit lost and its
     * point perhaps too, its last digit kept, at least {@link #LEFT_DIGITS_SEEN} digits read (1730.01 read 17301, 729.34
     * read 729.4.): a thin Song face loses a narrow 0 or 3 and the point beside it.
     */
    static boolean oneDigitLost(String read, String digits) {
        Matcher m = FIRST_NUMBER.matcher(read);
        if (!m.find()) return false;
        String kept = m.group().replace(".", "");
        if (kept.length() != digits.length() - 1 || kept.length() < LEFT_DIGITS_SEEN) return false;
        if (kept.charAt(kept.length() - 1) != digits.charAt(digits.length() - 1)) return false;
        return inOrder(digits, kept) == kept.length();
    }

    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d[\\d.]*");

    /**
     * At most this many labels are looked for on a page. A look costs little (set 1's other forms in the Song face at
     * 300 dpi: 35.9 s for 30 pages with them, 34.7 without, one thread); as many looks as amounts missing and two more
     * read 5 fields fewer, the distractors' amounts (预缴金额 …) taking the looks.
     */
    static final int LABEL_LOOKS = 8;

    /**
     * An amount or a date no label was read before ({@link ReceiptReading#unlabelled()}) is given to the field whose label
     * a second look reads just left of it, in the form's ink and the labels' characters ({@link LineReader#readLabel}),
     * when that field's label was read nowhere on the page and no other value's look names it too — a seal of the form's
     * own red over 自付金额, a thin Song face's 个人自付 read as 革, 出院日期 as 出院: the first read kept the value, not
     * its label. The label read must end where the value begins (a colon between them) and be an amount's for an amount,
     * a date's for a date; a look that reads no label so is made again on the page as it came with its seal, where a
     * seal found by its shape was taken out with the labels under it ({@link LineReader#readLabelWithSeal}: set 1's other
     * forms as scans, 其他基金支付 gone with the ring), and then on the form's layer without the seal's star
     * ({@link LineReader#readLabelWithoutStar}: set 1's other forms stamp the star over 自付金额 or 个人自付). A code with the shape of an invoice's code, number or check code is that field's when a look,
     * at up to three scales, names its label or keeps a remnant of it ({@link #codeFieldNamed}: a seal over the top of
     * the page made the form's layer lose 票据代码, 票据号码 and 校验码). A value so placed is a little less sure
     * ({@link PageReading#PLACED_TRUST}), and is judged by the checks like any other.
     */
    private static Map<ReceiptReading.Unlabelled, LabelLooks> labelsOfUnlabelled(ReceiptReading reading, Map<ReceiptField, Value> fields,
            LineReader lines) {
        Map<ReceiptField, List<Value>> claims = new EnumMap<>(ReceiptField.class);
        Map<ReceiptReading.Unlabelled, LabelLooks> looked = new LinkedHashMap<>();
        boolean wanted = false;
        for (ReceiptLabel label : ReceiptLabel.values()) {
            wanted |= (label.isAmount() || label.isDate()) && printedOn(reading.kind(), label.field())
                    && unread(label.field(), reading, fields);
        }
        int looks = 0;
        for (ReceiptReading.Unlabelled unlabelled : reading.unlabelled()) {
            if (unlabelled.sort() == ReceiptReading.Sort.NAME) {
                if (unread(ReceiptField.PAYER_NAME, reading, fields) && payersLabelLeftOf(unlabelled.label(), lines)) {
                    Value value = unlabelled.value();
                    claims.computeIfAbsent(ReceiptField.PAYER_NAME, f -> new ArrayList<>())
                            .add(new Value(value.text(), value.confidence() * PageReading.PLACED_TRUST, value.area()));
                }
                continue;
            }
            boolean code = unlabelled.sort() == ReceiptReading.Sort.CODE;
            ReceiptField shaped = code ? ReceiptChecks.codeFieldOfShape(unlabelled.value().text()) : null;
            if (unlabelled.sort() == ReceiptReading.Sort.INSTITUTION || unlabelled.witness() || (code ? shaped == null || !unread(shaped, reading, fields) : !wanted)) continue;
            if (looks++ >= LABEL_LOOKS) break;
            Area box = unlabelled.label();
            TextBox read = lines.readLabel(box.x(), box.y(), box.width(), box.height(), SECOND_SCALE);
            String look = folded(read);
            if (code) {
                looked.put(unlabelled, new LabelLooks(look, null, null));
                ReceiptField field = codeFieldNamed(look, unlabelled.value().text());
                for (int scale = 1; field == null && scale < REMNANT_SCALES.length; scale++) {
                    field = codeFieldNamed(folded(lines.readLabel(box.x(), box.y(), box.width(), box.height(), REMNANT_SCALES[scale])),
                            unlabelled.value().text());
                }
                Value value = unlabelled.value();
                // the field is the code's shape's, open on the page
                if (field != null) claims.computeIfAbsent(field, f -> new ArrayList<>())
                        .add(new Value(value.text(), value.confidence() * PageReading.PLACED_TRUST, value.area()));
                continue;
            }
            ReceiptLabel label = read == null ? null : labelEnding(look);
            TextBox withSeal = label == null ? lines.readLabelWithSeal(box.x(), box.y(), box.width(), box.height(), SECOND_SCALE) : null;
            String withSealLook = withSeal == null ? null : folded(withSeal);
            if (withSealLook != null) label = labelEnding(withSealLook);
            TextBox withoutStar = label == null ? lines.readLabelWithoutStar(box.x(), box.y(), box.width(), box.height(), SECOND_SCALE) : null;
            String withoutStarLook = withoutStar == null ? null : folded(withoutStar);
            if (withoutStarLook != null) label = labelEnding(withoutStarLook);
            looked.put(unlabelled, new LabelLooks(look, withSealLook, withoutStarLook));
            if (label == null || !(unlabelled.date() ? label.isDate() : label.isAmount()) || !unread(label.field(), reading, fields)) continue;
            Value value = unlabelled.value();
            claims.computeIfAbsent(label.field(), f -> new ArrayList<>())
                    .add(new Value(value.text(), value.confidence() * PageReading.PLACED_TRUST, value.area()));
        }
        claims.forEach((field, values) -> {
            if (values.size() != 1) return;
            Value value = values.getFirst();
            // a date or a code, which no sum checks, must be read the same by two more looks (set 2's scans and faxes had
            // dates misread so placed: 2036-05-13 for 2026-05-13; its faxes and photos codes too); asking the same of
            // amounts lost one right of set 1's 363
            Value again = kind(field) == DATE ? dateTwice(value.area(), lines)
                    : ReceiptChecks.CODES.contains(field) || field == ReceiptField.PAYER_NAME ? twice(value.area(), kind(field), lines) : value;
            if (again != null && again.text().equals(value.text())) fields.put(field, value);
        });
        return looked;
    }

    /**
     * Whether a value was placed by a look at its label ({@link #labelsOfUnlabelled}, {@link #labelRemnant}): the page read
     * it with no label before it, and what it read there instead of the label may have taken the value's first digits
     * with it (a grey scan's 自付金额: ¥385.57 read 邮85.57, a ring's character over its ¥3). Such an amount is looked at
     * again as an unsure one is: two looks that agree on it with digits before it are taken, and one that reads digits
     * before it after the sign, no two agreeing, leaves it out; looks that agree on another amount leave the page's read.
     */
    private static boolean placedByItsLabel(ReceiptReading reading, Value value) {
        return value.area() != null && reading.unlabelled().stream().anyMatch(u -> u.amount() && value.area().equals(u.value().area()));
    }

    /**
     * Whether a look left of a name read without a label ({@link ReceiptReading.Sort#NAME}), on the page as read or,
     * where a seal found by its shape was taken out of it, as it came with its seal, names the payer ({@link #namesThePayer}).
     */
    private static boolean payersLabelLeftOf(Area box, LineReader lines) {
        for (boolean withSeal : new boolean[] {false, true}) {
            TextBox read = withSeal ? lines.readLabelWithSeal(box.x(), box.y(), box.width(), box.height(), SECOND_SCALE)
                    : lines.readLabel(box.x(), box.y(), box.width(), box.height(), SECOND_SCALE);
            if (read != null && namesThePayer(folded(read))) return true;
        }
        return false;
    }

    /**
     * Whether a look left of a name reads the payer's label: ending with it exactly (or a character off,
     * {@link #labelEnding}); else, reading no label so, keeping at least {@value #REMNANT} of its characters in their
     * order (交人 of 交款人, its 款 under the seal) and more than of any other field's label. Labels of no field's value
     * (交款人统一社会信用代码, whose value is a code) do not compete: a name stands after none of them.
     */
    static boolean namesThePayer(String look) {
        ReceiptLabel ending = labelEnding(look);
        if (ending != null) return ending.field() == ReceiptField.PAYER_NAME;
        String text = hanOnly(look);
        int payer = 0, other = 0;
        for (ReceiptLabel label : ReceiptLabel.values()) {
            if (label.field() == null) continue;
            int kept = label.spellings().stream().mapToInt(spelling -> inOrder(text, hanOnly(spelling))).max().orElse(0);
            if (label.field() == ReceiptField.PAYER_NAME) payer = Math.max(payer, kept);
            else other = Math.max(other, kept);
        }
        return payer >= REMNANT && payer > other;
    }

    /**
     * The code field a look left of a code read without a label names, the code's shape saying which
     * ({@link ReceiptChecks#codeFieldOfShape}: eight digits the invoice's code, ten its number, six of hexadecimal its
     * check code): its label read ending there (exactly, or one character off); else at least {@value #REMNANT}
     * characters of that label, in its order (票据码 for 票据号码 before ten digits, its 号 lost in a thin face; 时据代 for
     * 票据代码 before eight, under a seal; 信验码 for 校验码). Null otherwise, and for a look reading another label.
     */
    static ReceiptField codeFieldNamed(String look, String code) {
        ReceiptField byShape = ReceiptChecks.codeFieldOfShape(code);
        if (byShape == null) return null;
        ReceiptLabel label = labelEnding(look);
        if (label != null) return label.field() == byShape ? byShape : null;
        for (ReceiptLabel own : ReceiptLabel.values()) {
            if (own.field() == byShape && own.spellings().stream().anyMatch(spelling -> inOrder(look, spelling) >= REMNANT)) return byShape;
        }
        return null;
    }

    /**
     * The looks at the label of a value read without one, at {@link #SECOND_SCALE}: on the page as read, on the page as it
     * came with its seal ({@link LineReader#readLabelWithSeal}) and on the form's layer without the seal's star
     * ({@link LineReader#readLabelWithoutStar}); each of the last two null when not looked at or nothing was read.
     */
    private record LabelLooks(String page, String withSeal, String withoutStar) {
    }

    /** The layers a label is looked at on, in turn: the page as read, as it came with its seal, without the seal's star. */
    private enum Layer {
        PAGE, WITH_SEAL, WITHOUT_STAR;

        /** The look at the first scale on this layer; null when it was not made or read nothing. */
        String first(LabelLooks looks) {
            return switch (this) {
                case PAGE -> looks.page();
                case WITH_SEAL -> looks.withSeal();
                case WITHOUT_STAR -> looks.withoutStar();
            };
        }

        TextBox read(LineReader lines, Area box, double scale) {
            return switch (this) {
                case PAGE -> lines.readLabel(box.x(), box.y(), box.width(), box.height(), scale);
                case WITH_SEAL -> lines.readLabelWithSeal(box.x(), box.y(), box.width(), box.height(), scale);
                case WITHOUT_STAR -> lines.readLabelWithoutStar(box.x(), box.y(), box.width(), box.height(), scale);
            };
        }
    }

    /** Two characters of a label, in its order, are the least a look must keep of it to name it. */
    static final int REMNANT = 2;

    /**
     * The scales of the looks at a label's remnant: the one {@link #labelsOfUnlabelled} took, one more, and a third only
     * when neither kept enough (a grey scan's seal over 个人自付: :付: at 2.0 and 1.5, 人付: at 2.5).
     */
    private static final double[] REMNANT_SCALES = {SECOND_SCALE, THIRD_SCALE, 2.5};

    private static String folded(TextBox read) {
        return read == null ? "" : TextLine.fold(read.text());
    }

    /**
     * An amount no label was read before, whose label the seal left only a remnant of, is given to the one field that
     * remnant can still be: the label looks at it ({@link #REMNANT_SCALES}) keep a few of the label's characters in their
     * order (码个人 of 个人自付, 人自他金额 of 自付金额: the form's red seal over the form's red label), and of all the labels
     * those characters come nearest to (the most of them in order, at least {@link #REMNANT}) every other is a field read
     * or labelled elsewhere on the page, or a label of no field read exactly elsewhere (a form prints a label once:
     * 交款人统一社会信用代码 for the 人…信 of 人付日付信入, the seal's 信 beside 个人自付's remnant). A distractor among the
     * nearest not read elsewhere (预缴金额 for 金额) leaves it to no one. Taken when exactly one amount so names the field
     * and no look names another or anything a remnant may not be, a little less sure ({@link PageReading#PLACED_TRUST}),
     * with a warning, and only when it makes no sum of the checks fail that held or could not be checked without it
     * ({@link #agreesWithTheChecks}). An amount the fee table lists is a fee line's (化验费's amount, its look reaching
     * 验费), not a remnant's. Where the looks name no field and veto none, the same looks are made on the page as it came
     * with its seal, when a seal found by its shape was taken out with the labels under it ({@link LineReader#readLabelWithSeal}:
     * a grey scan's 自付金额 under the ring and star, 额: without the seal, 八自付全本 with it). Set 1's other forms as scans,
     * seeds 1–30: 369 → 374 fields right, WRONG 5 → 5; stamped over the payer's label 386 → 387, 1 → 1. Where they still
     * name none and veto none, on a colour page's form layer without the seal's star ({@link LineReader#readLabelWithoutStar}:
     * 自 … 额 read beside where the star lay over 付金, where the looks with it read 自人 and 自名用). A date is given so
     * to the one date's field its remnant can be (诊日 of 门诊日期), when two more looks read it the same: no sum checks it.
     */
    private static void labelRemnant(ReceiptReading reading, Map<ReceiptField, Value> fields, List<String> warnings, LineReader lines,
            Map<ReceiptReading.Unlabelled, LabelLooks> looked) {
        // a remnant two fields were open to is looked at again once the other was given by its own remnant (日期 of
        // 开票日期 and 就诊门 of 就诊日期 on one page: the visit's date taken, 日期 can only be the issue's); its labels as read
        LineReader once = remembering(lines);
        if (remnantsPlaced(reading, fields, warnings, once, looked)) remnantsPlaced(reading, fields, warnings, once, looked);
    }

    /**
     * The lines, each look on the page at a box, scale and alphabet, and each label's look, made once and remembered
     * after (the passes over the remnants; an amount's looks read raw again): the same pixels read the same way.
     */
    private static LineReader remembering(LineReader lines) {
        Map<String, java.util.Optional<TextBox>> seen = new HashMap<>();
        return new LineReader() {
            @Override
            public TextBox readLine(double x, double y, double width, double height, double scale, String alphabet) {
                return seen.computeIfAbsent("line " + x + " " + y + " " + width + " " + height + " " + scale + " " + alphabet,
                        k -> java.util.Optional.ofNullable(lines.readLine(x, y, width, height, scale, alphabet))).orElse(null);
            }

            @Override
            public TextBox readLabel(double x, double y, double width, double height, double scale) {
                return seen.computeIfAbsent("page " + x + " " + y + " " + width + " " + height + " " + scale,
                        k -> java.util.Optional.ofNullable(lines.readLabel(x, y, width, height, scale))).orElse(null);
            }

            @Override
            public TextBox readLabelWithSeal(double x, double y, double width, double height, double scale) {
                return seen.computeIfAbsent("seal " + x + " " + y + " " + width + " " + height + " " + scale,
                        k -> java.util.Optional.ofNullable(lines.readLabelWithSeal(x, y, width, height, scale))).orElse(null);
            }

            @Override
            public TextBox readLabelWithoutStar(double x, double y, double width, double height, double scale) {
                return seen.computeIfAbsent("star " + x + " " + y + " " + width + " " + height + " " + scale,
                        k -> java.util.Optional.ofNullable(lines.readLabelWithoutStar(x, y, width, height, scale))).orElse(null);
            }

            // every other look as the lines make it, none of them remembered

            @Override
            public TextBox readLineWithoutSeal(double x, double y, double width, double height, double scale, String alphabet) {
                return lines.readLineWithoutSeal(x, y, width, height, scale, alphabet);
            }

            @Override
            public TextBox readLineWithLabels(double x, double y, double width, double height, double scale, String alphabet) {
                return lines.readLineWithLabels(x, y, width, height, scale, alphabet);
            }

            @Override
            public List<String> readSealWords() {
                return lines.readSealWords();
            }

            @Override
            public int middleDotAfter(double x, double y, double width, double height, int characters) {
                return lines.middleDotAfter(x, y, width, height, characters);
            }
        };
    }

    /** One pass over the remnants ({@link #labelRemnant}): whether it gave any field. */
    private static boolean remnantsPlaced(ReceiptReading reading, Map<ReceiptField, Value> fields, List<String> warnings, LineReader lines,
            Map<ReceiptReading.Unlabelled, LabelLooks> looked) {
        boolean[] placed = {false};
        List<Area> taken = fields.values().stream().map(Value::area).toList();
        Map<ReceiptField, List<Value>> claims = new EnumMap<>(ReceiptField.class);
        Map<Area, String> remnants = new HashMap<>();
        for (Map.Entry<ReceiptReading.Unlabelled, LabelLooks> e : looked.entrySet()) {
            ReceiptReading.Unlabelled unlabelled = e.getKey();
            String written = unlabelled.date() ? unlabelled.value().text() : FieldText.money(unlabelled.value().text());
            boolean ofItsForm = unlabelled.date() ? DATE.form().matcher(written).matches()
                    : unlabelled.amount() && FieldText.isMoney(written) && reading.lines().stream().noneMatch(l -> l.amount().equals(written));
            if (!ofItsForm || taken.contains(unlabelled.value().area())) continue;
            Area box = unlabelled.label();
            ReceiptField field = null;
            String remnant = null;
            boolean vetoed = false;
            for (Layer layer : Layer.values()) {
                if (field != null || vetoed) break;
                // the page with its seal, or without its star, is looked at again only where it is kept and read something
                // at the first scale
                String first = layer.first(e.getValue());
                if (first == null) continue;
                for (int look = 0; look < REMNANT_SCALES.length && !vetoed && (look < 2 || field == null); look++) {
                    String text = look == 0 ? first : folded(layer.read(lines, box, REMNANT_SCALES[look]));
                    Remnant named = remnantOf(text, unlabelled.sort(), reading, fields);
                    vetoed = named.vetoes() || field != null && named.field() != null && named.field() != field;
                    if (named.field() != null && field == null) {
                        field = named.field();
                        remnant = text;
                    }
                }
            }
            if (vetoed || field == null) continue;
            Value value = unlabelled.value();
            claims.computeIfAbsent(field, f -> new ArrayList<>()).add(new Value(written, value.confidence() * PageReading.PLACED_TRUST, value.area()));
            remnants.put(value.area(), remnant);
        }
        claims.forEach((field, values) -> {
            if (values.size() != 1 || !agreesWithTheChecks(reading, fields, field, values.getFirst())) return;
            Value value = values.getFirst();
            boolean date = kind(field) == DATE;
            // a date, which no sum checks, is taken when two more looks at it read it the same, as a date placed by its label
            Value again = date ? dateTwice(value.area(), lines) : value;
            if (again == null || !again.text().equals(value.text())) return;
            fields.put(field, value);
            placed[0] = true;
            warnings.add(field.chinese() + "的标签残缺，只认出「" + remnants.get(value.area()) + "」，与之相近的其他标签都已在页上找到，无标签的"
                    + (date ? "日期 " : "金额 ") + value.text() + " 按" + field.chinese() + "取用，请核对原件");
        });
        return placed[0];
    }

    /**
     * Whether a value placed by its label's remnant leaves the sums as the checks found them: a remnant is too little
     * to overrule the total and the payments ({@link ReceiptChecks#sums}: 金额合计 against the payments, 个人自付 and 个人自费
     * against the cash paid), so a value that makes one of them fail is not placed.
     */
    private static boolean agreesWithTheChecks(ReceiptReading reading, Map<ReceiptField, Value> fields, ReceiptField field, Value value) {
        List<ReceiptChecks.Finding> before = new ArrayList<>();
        ReceiptChecks.sums(moneyOnly(fields), reading, before);
        Map<ReceiptField, Value> attempt = new EnumMap<>(fields);
        attempt.put(field, value);
        List<ReceiptChecks.Finding> after = new ArrayList<>();
        ReceiptChecks.sums(moneyOnly(attempt), reading, after);
        return after.size() <= before.size();
    }

    /**
     * What a look's remnant names: the field ({@code null} when it kept too little of any label), or that it vetoes the
     * amount being any missing field's (it names a distractor, another kind of label, a field found elsewhere, or
     * several).
     */
    private record Remnant(boolean kept, ReceiptField field) {
        static final Remnant NOTHING = new Remnant(false, null);

        boolean vetoes() {
            return kept && field == null;
        }
    }

    /**
     * The field the look's characters name as a remnant of its label: of the labels they keep the most characters of in
     * order (at least {@link #REMNANT}), the one left when those whose field is read or labelled elsewhere, and those of
     * no field read exactly elsewhere ({@link ReceiptReading#seen()}), are set aside, and those the kind of receipt does
     * not print ({@link #printedOn}: an outpatient receipt's stay), if it is of the value's sort (an amount's, a date's):
     * 日期 of an outpatient receipt's 开票日期, its 门诊日期 read elsewhere, is the issue date's (set 2's clean outpatient
     * receipts read 开票日期 as 日期: and 间日期:). Of the labels kept as much, those no value of the sort stands after
     * ({@link ReceiptLabel#holds}) are set aside too: 就诊门 keeps as much of 就诊科室 and 就诊人姓名 as of 就诊日期, and
     * a date beside it is no department's or person's. A look that reads any label exactly names no remnant's field.
     */
    private static Remnant remnantOf(String look, ReceiptReading.Sort sort, ReceiptReading reading, Map<ReceiptField, Value> fields) {
        // a look that reads a label exactly has said whose the amount is, or that it is no one's the remnant may name
        if (LabelFinder.find(look).stream().anyMatch(h -> h.edits() == 0)) return new Remnant(true, null);
        String text = hanOnly(look);
        double best = 0;
        List<ReceiptLabel> nearest = new ArrayList<>();
        for (ReceiptLabel label : ReceiptLabel.values()) {
            double kept = 0;
            for (String spelling : label.spellings()) kept = Math.max(kept, keptOf(text, hanOnly(spelling), READ_FOR));
            if (kept < best || kept < REMNANT) continue;
            if (kept > best) nearest.clear();
            best = kept;
            nearest.add(label);
        }
        if (nearest.isEmpty()) return Remnant.NOTHING;
        List<ReceiptLabel> open = nearest.stream()
                .filter(l -> l.holds(sort))
                .filter(l -> printedOn(reading.kind(), l.firstField()))
                .filter(l -> l.field() == null ? !reading.seen().contains(l) : !fields.containsKey(l.field()) && !reading.labelled().contains(l.field()))
                .toList();
        boolean ofItsSort = open.size() == 1 && (sort == ReceiptReading.Sort.DATE ? open.getFirst().isDate() : open.getFirst().isAmount());
        return new Remnant(true, ofItsSort ? open.getFirst().field() : null);
    }

    private static String hanOnly(String text) {
        return text.replaceAll("[^\\p{IsHan}]", "");
    }

    /** How many characters of {@code b} {@code a} keeps in their order (the longest common subsequence). */
    private static int inOrder(String a, String b) {
        return (int) keptOf(a, b, 0);
    }

    /**
     * As {@link #inOrder}, a character read as one OCR takes the label's for counting {@code alike} ({@link #readFor}):
     * the longest common subsequence, each character in it weighed 1, or {@code alike} where it is only read for the
     * printed one.
     */
    private static double keptOf(String a, String b, double alike) {
        double[][] n = new double[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                char read = a.charAt(i - 1);
                char printed = b.charAt(j - 1);
                double kept = read == printed ? 1 : alike > 0 && readFor(read, printed) ? alike : 0;
                n[i][j] = Math.max(kept > 0 ? n[i - 1][j - 1] + kept : 0, Math.max(n[i - 1][j], n[i][j - 1]));
            }
        }
        return n[a.length()][b.length()];
    }

    /**
     * Whether a character read is what OCR reads for the one printed: 日 or 目 for a 自 whose top stroke was lost (set 2's
     * 日费人额 and 日费信额 of 自费金额, 目付人信 of 自付金额, 个人日付 of 个人自付). No label has 日 or 目 where another has 自.
     */
    private static boolean readFor(char read, char printed) {
        return printed == '自' && (read == '日' || read == '目');
    }

    /**
     * What a 日 or 目 read for a label's 自 counts for in a remnant ({@link #remnantOf}): half a character, so that it tells
     * 自费金额 from 退费金额 where 费额 is kept of both (日费人额), and never makes a remnant of one character kept
     * (电人日: 人 and 日 of 个人自付, a seal over 预缴金额).
     */
    private static final double READ_FOR = 0.5;

    /**
     * The hospital whose label was lost (收款单位（章） under the seal or misread), read where no label named it as an
     * institution's name ({@link PageReading}): the one listed hospital such names hold exactly
     * ({@link HospitalList#listedWithin}: 大冶市人民医院 of 单位大冶市人民医院), when a look at it holds the same (the look may
     * reach the cashier's name after it). The list and two reads say it is a hospital's name; that a receipt prints its
     * own hospital, and no other, says it is this one. A little less sure ({@link PageReading#PLACED_TRUST}); null when
     * no name, or more than one, is listed.
     */
    static Value listedInstitution(ReceiptReading reading, LineReader lines, HospitalList hospitals) {
        Value found = null;
        for (ReceiptReading.Unlabelled u : reading.unlabelled()) {
            String listed = u.sort() == ReceiptReading.Sort.INSTITUTION ? hospitals.listedWithin(u.value().text()) : null;
            if (listed == null) continue;
            if (found != null && !found.text().equals(listed)) return null;
            if (found == null) found = new Value(listed, u.value().confidence(), u.value().area());
        }
        if (found == null) return null;
        Value look = read(found.area(), SECOND_SCALE, HOSPITAL_NAME, lines);
        if (look == null || !found.text().equals(hospitals.listedWithin(look.text()))) return null;
        return new Value(found.text(), Math.min(found.confidence(), look.confidence()) * PageReading.PLACED_TRUST, found.area());
    }

    /**
     * The discharge date of a stay whose 出院日期 was lost (set 1's settlement statements: the form's red seal over the
     * label, read as 人院, 期 or nothing) is the one date read where no label was that falls after the admission and
     * not after the date the receipt was issued, when two more looks read it the same and a look at its label reads no
     * other field's: the stay's order is the witness that says whose date it is, as the sum is for an amount. The
     * discharge on the day of admission is not taken so (it could be the admission's date printed again). A little
     * less sure ({@link PageReading#PLACED_TRUST}), with a warning for the reviewer.
     */
    private static void dischargeInTheStay(ReceiptReading reading, Map<ReceiptField, Value> fields, List<String> warnings, LineReader lines) {
        LocalDate admitted = ReceiptChecks.date(fields, ReceiptField.ADMISSION_DATE);
        LocalDate issued = ReceiptChecks.date(fields, ReceiptField.ISSUE_DATE);
        if (admitted == null || issued == null || !unread(ReceiptField.DISCHARGE_DATE, reading, fields)) return;
        List<ReceiptReading.Unlabelled> inTheStay = reading.unlabelled().stream().filter(u -> {
            LocalDate date = u.date() ? ReceiptChecks.parse(u.value().text()) : null;
            return date != null && date.isAfter(admitted) && !date.isAfter(issued);
        }).toList();
        if (inTheStay.size() != 1) return;
        ReceiptReading.Unlabelled found = inTheStay.getFirst();
        Area box = found.label();
        TextBox label = lines.readLabel(box.x(), box.y(), box.width(), box.height(), SECOND_SCALE);
        ReceiptLabel named = label == null ? null : labelEnding(TextLine.fold(label.text()));
        if (named != null && named.field() != ReceiptField.DISCHARGE_DATE) return;
        Value value = found.value();
        Value again = dateTwice(value.area(), lines);
        if (again == null || !again.text().equals(value.text())) return;
        fields.put(ReceiptField.DISCHARGE_DATE, new Value(value.text(), value.confidence() * PageReading.PLACED_TRUST, value.area()));
        warnings.add("出院日期的标签未能识别，页上无标签的日期 " + value.text() + " 在入院日期与开票日期之间，按出院日期取用，请核对原件");
    }

    /**
     * The date a date's slot begins with, where both looks at it read it there and after it the date the page read in the
     * slot without a label: the slot reaches to the next label read, and where the next field's label was lost (出院日期
     * under the seal's star) it runs on over that field's date, which the looks read run together with the slot's own
     * (2025/09/2112025/10/134: 入院日期's 2025/09/21, a stroke of the ring, 出院日期's 2025/10/13, which the page read
     * alone). The first date is the slot's; null when no date was read in the slot without a label, or the looks do not
     * both begin with the same day of the calendar before it (two dates read where the page read none alone may be
     * the next two fields', the slot's own left blank).
     */
    private static Value leadingDateTwice(Area slot, ReceiptReading reading, LineReader lines) {
        List<String> inTheSlot = reading.unlabelled().stream().filter(u -> u.date() && within(u.value().area(), slot))
                .map(u -> u.value().text()).toList();
        if (inTheSlot.isEmpty()) return null;
        String agreed = null;
        double confidence = 1;
        for (double scale : new double[] {SECOND_SCALE, THIRD_SCALE}) {
            Value read = read(slot, scale, DATE, lines);
            List<String> dates = read == null ? List.of() : FieldText.dates(read.text());
            String first = read == null ? null : leadingDate(read.text());
            if (first == null || inTheSlot.contains(first) || dates.stream().skip(1).noneMatch(inTheSlot::contains)
                    || agreed != null && !agreed.equals(first)) return null;
            agreed = first;
            confidence = Math.min(confidence, read.confidence());
        }
        return new Value(agreed, confidence, slot);
    }

    /** Whether a value's area begins inside the slot, on its line. */
    private static boolean within(Area value, Area slot) {
        double middle = value.y() + value.height() / 2;
        return value.x() >= slot.x() && value.x() < slot.x() + slot.width() && middle > slot.y() && middle < slot.y() + slot.height();
    }

    /** The first of two or more dates a read holds, when nothing but marks stands before it; else null. */
    static String leadingDate(String read) {
        List<String> dates = FieldText.dates(read);
        if (dates.size() < 2 || ReceiptChecks.parse(dates.getFirst()) == null) return null;
        String digits = read.replaceFirst("^[^\\d]*", "");
        return digits.startsWith(dates.getFirst().substring(0, 4)) ? dates.getFirst() : null;
    }

    /**
     * Whether a kind of receipt prints the field: an outpatient receipt has no stay, an inpatient receipt no visit date.
     * Such a field unread wants no looks at the labels of the values read without one (set 2's outpatient receipts
     * looked at every unlabelled amount and date for an admission date they never print).
     */
    static boolean printedOn(DocumentKind kind, ReceiptField field) {
        return switch (kind) {
            case OUTPATIENT_RECEIPT -> field != ReceiptField.ADMISSION_DATE && field != ReceiptField.DISCHARGE_DATE;
            case INPATIENT_RECEIPT -> field != ReceiptField.VISIT_DATE;
            default -> true;
        };
    }

    /** A field neither read nor labelled anywhere on the page. */
    private static boolean unread(ReceiptField field, ReceiptReading reading, Map<ReceiptField, Value> fields) {
        return !fields.containsKey(field) && !reading.labelled().contains(field);
    }

    /**
     * The label the text ends with, colons after it aside, or followed by one character more that ends no label (the
     * colon misread, or a stroke of the seal over it: 医保统筹基金支付办); null when it ends otherwise.
     */
    static ReceiptLabel labelEnding(String text) {
        String trimmed = withoutColons(text);
        ReceiptLabel label = labelEndingExactly(trimmed);
        if (label != null || trimmed.length() < 2) return label;
        return labelEndingExactly(withoutColons(trimmed.substring(0, trimmed.offsetByCodePoints(trimmed.length(), -1))));
    }

    private static String withoutColons(String text) {
        return text.replaceAll("[:;]+$", "");
    }

    private static ReceiptLabel labelEndingExactly(String text) {
        List<LabelFinder.Hit> hits = LabelFinder.find(text);
        if (hits.isEmpty() || hits.getLast().end() != text.length()) return null;
        return hits.getLast().label();
    }

    /**
     * When every fee line was read and they do not add up to the total, the total is read twice again in digits; two
     * looks that agree with each other and with the lines' sum replace it (a Song face's ¥ read as a 9 before 274.78, a
     * digit lost beside it: 1.88 for 144.88). Otherwise the total stays as read, for the checks to flag. Nothing is
     * computed: the total taken is one OCR read, and the lines are only what says which read is right.
     */
    private static ReceiptReading totalAgainstLines(ReceiptReading reading, LineReader lines) {
        Value total = reading.fields().get(ReceiptField.TOTAL);
        if (total == null || !reading.allLinesRead() || reading.lines().isEmpty() || !FieldText.isMoney(total.text())
                || linesAddUpTo(reading, total)) return reading;
        Area where = where(reading, ReceiptField.TOTAL, total);
        Value again = where == null ? null : twice(where, AMOUNT, lines);
        if (again == null || !linesAddUpTo(reading, again)) return reading;
        Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
        fields.putAll(reading.fields());
        fields.put(ReceiptField.TOTAL, again);
        return reading.with(fields, reading.warnings());
    }

    /**
     * When the total is not the sum of the payments, the amounts in the sum are read again (twice
     * each, as above); a set of second looks that makes the sum hold replaces the first reads —
     * all of them, or else the first single one that does. Otherwise the amounts a second look read
     * otherwise are left out ({@link #doubted}): the sum says one of them is wrong, and a second look
     * says which may be. Amounts no second look read otherwise are kept, for the checks to flag.
     * <p>
     * An amount of the sum read with a 0 before its first digit is no amount ({@link FieldText#leadingZero}: 0000.72 for
     * 3980.72, its first digits lost) and the sum, which leaves it out, cannot fail: its amounts are read again all the
     * same, and second looks are taken only when the total and every payment are then money that adds up to the cent
     * ({@link #sumConfirms}); else nothing changes, and the checks drop the read (before amounts had that form, 0000.72
     * was 0.72, the sum failed, and the looks' 3980.72 was taken so).
     */
    private static ReceiptReading sumsAgain(ReceiptReading reading, LineReader lines) {
        boolean digitsLost = SUM.stream().anyMatch(f -> reading.fields().containsKey(f) && FieldText.leadingZero(reading.fields().get(f).text()));
        if (!digitsLost && sumHolds(reading, reading.fields())) return reading;
        Map<ReceiptField, Value> again = new EnumMap<>(ReceiptField.class);
        List<ReceiptField> doubted = new ArrayList<>();
        Map<ReceiptField, Area> unlooked = new EnumMap<>(ReceiptField.class);
        Map<ReceiptField, List<Value>> otherwise = new EnumMap<>(ReceiptField.class);
        // a look that ran on is read raw again for the amount it begins with (ranOnWithItsAmount): made once
        LineReader once = remembering(lines);
        for (ReceiptField field : SUM) {
            Value first = reading.fields().get(field);
            Area where = first == null ? null : where(reading, field, first);
            if (where == null) continue;
            List<Value> looks = looks(where, AMOUNT, once);
            if (looks.isEmpty() && FieldText.isMoney(first.text())) unlooked.put(field, where);
            otherwise.put(field, looks.stream().filter(look -> !look.text().equals(first.text())).toList());
            if (looks.stream().anyMatch(look -> !look.text().equals(first.text()))) doubted.add(field);
            Value second = agreed(looks, where);
            if (second != null && !second.text().equals(first.text())) again.put(field, second);
        }
        List<Map<ReceiptField, Value>> tries = new ArrayList<>();
        if (!again.isEmpty()) tries.add(again);
        again.forEach((field, value) -> tries.add(Map.of(field, value)));
        for (Map<ReceiptField, Value> attempt : tries) {
            Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
            fields.putAll(reading.fields());
            fields.putAll(attempt);
            if (digitsLost ? sumConfirms(reading, fields) : sumHolds(reading, fields)) return reading.with(fields, reading.warnings());
        }
        if (digitsLost) return reading;
        ReceiptReading ranOn = ranOnWithItsAmount(reading, unlooked, otherwise, once);
        return ranOn != null ? ranOn : withoutDoubted(reading, doubted);
    }

    /**
     * An amount of a sum that does not hold, read as money, whose looks read no amount in its form: each look ran on past
     * it into the next amount, that amount's label not read between them (12595.68170.00 for 统筹基金支付, the page reading
     * 142595.68 and 其他基金支付's label as 侍引人金支付). The amount a look's line begins with ({@link #firstAmount}, at
     * either scale) is taken where it makes the total the sum of the payments to the cent (every one of them read), alone
     * or with one other amount as a look at it read it otherwise (0.00 for a fund read 0.90, its look 0.001030.98 running
     * on into 其他支付's 1030.98, which the page read 32511030.98 and a look 1030.98) — and where no other amount so taken
     * makes the sum hold too; null else.
     */
    private static ReceiptReading ranOnWithItsAmount(ReceiptReading reading, Map<ReceiptField, Area> unlooked,
                                                     Map<ReceiptField, List<Value>> otherwise, LineReader lines) {
        Map<ReceiptField, Value> found = null;
        for (Map.Entry<ReceiptField, Area> e : unlooked.entrySet()) {
            Value first = reading.fields().get(e.getKey());
            for (double scale : new double[] {SECOND_SCALE, THIRD_SCALE}) {
                Value look = firstAmount(e.getValue(), scale, lines);
                if (look == null || look.text().equals(first.text())) continue;
                List<Map<ReceiptField, Value>> tries = new ArrayList<>();
                tries.add(Map.of(e.getKey(), look));
                otherwise.forEach((field, reads) -> {
                    if (field != e.getKey()) reads.forEach(read -> tries.add(Map.of(e.getKey(), look, field, read)));
                });
                for (Map<ReceiptField, Value> attempt : tries) {
                    Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
                    fields.putAll(reading.fields());
                    fields.putAll(attempt);
                    if (!sumCorroborated(reading, fields)) continue;
                    if (found != null && !sameAmounts(found, fields)) return null;
                    found = fields;
                }
            }
        }
        return found == null ? null : reading.with(found, reading.warnings());
    }

    /** Whether two sets of fields have the same amounts in the sum. */
    private static boolean sameAmounts(Map<ReceiptField, Value> one, Map<ReceiptField, Value> other) {
        return SUM.stream().allMatch(f -> Objects.equals(text(one.get(f)), text(other.get(f))));
    }

    private static String text(Value value) {
        return value == null ? null : value.text();
    }

    /**
     * The reading without the amounts of a sum that does not hold whose second looks read another amount (a digit
     * lost to the ¥ before it, or to the seal): kept, one of them would be a wrong value with only a warning beside it.
     * Money-shaped amounts only; the others the checks drop anyway.
     */
    private static ReceiptReading withoutDoubted(ReceiptReading reading, List<ReceiptField> doubted) {
        List<ReceiptField> dropped = doubted.stream().filter(f -> FieldText.isMoney(reading.fields().get(f).text())).toList();
        return without(reading, dropped, "金额合计与各项支付之和不符，再次识别读到不同数目的" + chinese(dropped) + "已舍弃，请核对原件");
    }

    /**
     * The amounts of the sum that its reads left out or did not read as money (a grey scan of another form, read as one
     * layer, with the seal's ring across 1321.49: 室321), read where they stand on the page's data without the seal's
     * lighter ink ({@link LineReader#readLineWithoutSeal}), the amount each look's line begins with ({@link #firstAmount}:
     * the look runs on to the next label's amount when that label is under the seal too). A look's amount is taken only
     * when the total is then the sum of the payments to the cent: that layer loses a light stroke of the data where the
     * seal is not (set 2's scans: every look on it lost leading digits of amounts), and a look may take in a stroke of the
     * label before the amount (11321.49 at one scale, 1321.49 at the other); the sum is what says which look read the
     * amount whole. At most two amounts so, each looked at at two scales; an amount nothing read and whose label was not
     * read is not looked for (其他支付 then counts as nothing, as in the checks).
     */
    private static ReceiptReading sumWithoutSeal(ReceiptReading reading, LineReader lines) {
        List<ReceiptField> open = SUM.stream().filter(f -> !reading.fields().containsKey(f) || !FieldText.isMoney(reading.fields().get(f).text())).toList();
        if (open.isEmpty() || open.size() > 2) return reading;
        LineReader withoutSeal = lines::readLineWithoutSeal;
        List<Map<ReceiptField, Value>> tries = List.of(Map.of());
        for (ReceiptField field : open) {
            Value first = reading.fields().get(field);
            Area where = first != null ? where(reading, field, first) : reading.slots().get(field);
            if (where == null) continue;
            List<Value> looks = new ArrayList<>();
            for (double scale : new double[] {SECOND_SCALE, THIRD_SCALE}) {
                Value look = firstAmount(where, scale, withoutSeal);
                if (look != null && looks.stream().noneMatch(l -> l.text().equals(look.text()))) looks.add(look);
            }
            if (looks.isEmpty()) return reading;
            List<Map<ReceiptField, Value>> more = new ArrayList<>();
            for (Map<ReceiptField, Value> earlier : tries) {
                for (Value look : looks) {
                    Map<ReceiptField, Value> attempt = new EnumMap<>(ReceiptField.class);
                    attempt.putAll(earlier);
                    attempt.put(field, look);
                    more.add(attempt);
                }
            }
            tries = more;
        }
        for (Map<ReceiptField, Value> attempt : tries) {
            if (attempt.isEmpty()) continue;
            Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
            fields.putAll(reading.fields());
            fields.putAll(attempt);
            if (sumCorroborated(reading, fields)) return reading.with(fields, reading.warnings());
        }
        return reading;
    }

    /**
     * An amount read short or with a stroke of the seal among its digits (1106 for 1106.62, 215人94 for 2159.44: the
     * seal's ring across it), read where it stands on the page's data without the seal's lighter ink: taken when two
     * looks there, at two scales, read the same amount, and its digits begin with every digit the page read, in order
     * (at least {@link #CUT_SHORT_DIGITS} of them). Amounts outside the sum only ({@link #sumWithoutSeal} looks at the
     * others, where the page and the looks may both have lost a leading digit under the seal: 室321 and 321.49 for
     * 1321.49): they have no sum to say a look lost none of their strokes; the digits the page read are what say the
     * look lost no leading digit (that layer loses light strokes of the data: set 2's scans' 540.73 for 3540.73). Or its
     * digits are every digit the page read but the 1 it read where the point goes ({@link #pointReadAsOne}: 966102 by the
     * page, 966.02 by both looks, a thin Song face's 个人自付 on a scan).
     */
    private static ReceiptReading cutShortWithoutSeal(ReceiptReading reading, LineReader lines) {
        Map<ReceiptField, Value> fields = new EnumMap<>(ReceiptField.class);
        fields.putAll(reading.fields());
        LineReader withoutSeal = lines::readLineWithoutSeal;
        for (Map.Entry<ReceiptField, Value> e : reading.fields().entrySet()) {
            String read = e.getValue().text(), digits = read.replaceAll("\\D", "");
            if (kind(e.getKey()) != AMOUNT || SUM.contains(e.getKey()) || FieldText.isMoney(read) || digits.length() < CUT_SHORT_DIGITS) continue;
            Area where = where(reading, e.getKey(), e.getValue());
            if (where == null) continue;
            Value second = firstAmount(where, SECOND_SCALE, withoutSeal);
            Value third = second == null ? null : firstAmount(where, THIRD_SCALE, withoutSeal);
            Value agreed = third == null ? null : agreed(List.of(second, third), where);
            String seen = agreed == null ? null : agreed.text().replace(".", "");
            if (seen != null && (seen.startsWith(digits) || seen.equals(pointReadAsOne(digits)))) fields.put(e.getKey(), agreed);
        }
        return fields.equals(reading.fields()) ? reading : reading.with(fields, reading.warnings());
    }

    /** The digits an amount read short must have for a look without the seal to complete it. */
    static final int CUT_SHORT_DIGITS = 3;

    /**
     * The amount a look's line begins with: its first word, up to a ¥ or to the second decimal (the look read 1321.49 and
     * what the layer kept of the next label and its amount as one word, 1321.493410.00; ¥10044.87¥0.00), after its sign
     * and a mark or two before the sign (.¥1919.58, the colon's remnant), or null.
     */
    private static Value firstAmount(Area area, double scale, LineReader lines) {
        TextBox box = look(area, scale, AMOUNT.alphabet(), lines);
        if (box == null) return null;
        String word = TextLine.fold(box.text()).replaceFirst("^" + SIGN, "").split("[¥￥]", 2)[0];
        Matcher first = LEADING_AMOUNT.matcher(FieldText.money(word));
        return first.lookingAt() ? new Value(first.group(), box.confidence(), area) : null;
    }

    private static final Pattern LEADING_AMOUNT = Pattern.compile(FieldText.MONEY_FORM);

    /** Whether the total is the sum of the payments to the cent, the amounts not in the form of money left out. */
    private static boolean sumCorroborated(ReceiptReading reading, Map<ReceiptField, Value> fields) {
        return ReceiptChecks.sums(moneyOnly(fields), reading, new ArrayList<>());
    }

    /** The fields but the amounts not in the form of money (the checks drop them later). */
    private static Map<ReceiptField, Value> moneyOnly(Map<ReceiptField, Value> fields) {
        Map<ReceiptField, Value> amounts = new EnumMap<>(ReceiptField.class);
        amounts.putAll(fields);
        amounts.entrySet().removeIf(e -> kind(e.getKey()) == AMOUNT && !FieldText.isMoney(e.getValue().text()));
        return amounts;
    }

    private static final List<ReceiptField> SUM = List.of(ReceiptField.TOTAL, ReceiptField.FUND_PAID, ReceiptField.OTHER_PAID,
            ReceiptField.PERSONAL_ACCOUNT_PAID, ReceiptField.CASH_PAID);

    /**
     * Whether the sum can be checked and holds (or cannot be checked: then there is nothing to
     * mend). Amounts not in the form of money (the checks drop them later) are left out of it.
     */
    private static boolean sumHolds(ReceiptReading reading, Map<ReceiptField, Value> fields) {
        List<ReceiptChecks.Finding> findings = new ArrayList<>();
        ReceiptChecks.sums(moneyOnly(fields), reading, findings);
        return findings.stream().noneMatch(f -> f.reason() == ReceiptChecks.Reason.TOTAL_NOT_SUM_OF_PAYMENTS);
    }

    /**
     * Whether the total and every payment were read as money and the payments add up to the total to the cent: each of
     * them is then witnessed by the others, however unsure its read.
     */
    private static boolean sumConfirms(ReceiptReading reading, Map<ReceiptField, Value> fields) {
        Map<ReceiptField, Value> money = moneyOnly(fields);
        BigDecimal paid = ReceiptChecks.paid(money, reading);
        return paid != null && money.containsKey(ReceiptField.TOTAL) && paid.compareTo(new BigDecimal(money.get(ReceiptField.TOTAL).text())) == 0;
    }

    /** Where to look again at a value: between its label and the next, else where it was read. */
    private static Area where(ReceiptReading reading, ReceiptField field, Value value) {
        return reading.slots().getOrDefault(field, value.area());
    }

    /**
     * The second looks at an amount that have its form: the read at {@link #SECOND_SCALE}, and when it has the form,
     * the read at {@link #THIRD_SCALE} when that has it too.
     */
    private static List<Value> looks(Area area, Kind kind, LineReader lines) {
        List<Value> looks = new ArrayList<>();
        Value second = readInItsForm(area, SECOND_SCALE, kind, lines);
        if (second == null) return looks;
        looks.add(second);
        Value third = readInItsForm(area, THIRD_SCALE, kind, lines);
        if (third != null) looks.add(third);
        return looks;
    }

    /** The line read at the scale ({@link #read}) when it has the kind's form, else null. */
    private static Value readInItsForm(Area area, double scale, Kind kind, LineReader lines) {
        Value value = read(area, scale, kind, lines);
        return value != null && kind.form().matcher(value.text()).matches() ? value : null;
    }

    /**
     * A payer's slot narrowed so that a look at it ({@link #look}: from half a line height before it, a line height and a
     * half wider) is as wide as the slot and ends half a line height before it: a slot ends where the next label begins,
     * and a look past it read the label's first character as the name's last (王强雪开 for 王强雪 before 开具日期, the
     * seal over the payer's label, the page reading the two with no gap between). A name is two to four characters and a
     * slot that no label ends is {@value PageReading#SLOT_LENGTH} line heights long: nothing of it is cut off.
     */
    private static Area withinItsSlot(Area slot) {
        return new Area(slot.x(), slot.y(), Math.max(slot.height(), slot.width() - 1.5 * slot.height()), slot.height());
    }

    /**
     * The looks at a payer's slot: {@link #withinItsSlot}, and when the first of those reads no name, across the slot as
     * any other field's (a thin face at 300 dpi: 蔡海林 was read so, and the narrower crop found nothing).
     */
    private static List<Value> payerLooks(Area slot, LineReader lines) {
        Area narrowed = withinItsSlot(slot);
        List<Value> within = looks(narrowed, NAME, lines);
        if (within.isEmpty()) return looks(slot, NAME, lines);
        // a look at the third scale that read nothing is no read of another name: the look at the fourth stands in for it
        // (林宇秀 under the seal's star, 一1:“林宇秀 at 2.0 and at 1.0, 2.5 and 3.0 alike, nothing at 1.5)
        if (within.size() == 1) {
            Value fourth = readInItsForm(narrowed, FOURTH_SCALE, NAME, lines);
            if (fourth != null) within.add(fourth);
        }
        return within;
    }

    /** The scale a payer's slot is looked at when the look at {@link #THIRD_SCALE} read no name. */
    private static final double FOURTH_SCALE = 2.5;

    /** The value read twice in the area, at two scales: when both reads agree and have the field's form, else null. */
    private static Value twice(Area area, Kind kind, LineReader lines) {
        return agreed(looks(area, kind, lines), area);
    }

    /**
     * A date read twice, in a date's characters, else in any (2025年5月17日, whose 年月日 looks in digits read as digits:
     * 202545178, or 20256168 for 2025年6月16日 — the same twice, a date's form, no day of the calendar).
     */
    private static Value dateTwice(Area area, LineReader lines) {
        Value digits = twice(area, DATE, lines);
        return digits != null && ReceiptChecks.parse(digits.text()) != null ? digits : twice(area, DATE_IN_WORDS, lines);
    }

    /**
     * Whether two looks that agree on an amount read a 3 before the amount the page read unsure, and nothing else more
     * (3130.68 for the page's 130.68; the page's read without the mark or two it made of the sign: 312932.17 for
     * ”半12932.17, a grey Song scan whose seal's ring was taken out), and neither look read a ¥ before that 3: a thin
     * Song face's ￥, its two bars and its stem, is a 3 to a look in an amount's characters as often as it is a ¥. The
     * 3 may then be the sign or the amount's first digit, and no read tells which (set 1's other forms scanned in the
     * Song face, the seal over the payer: of 35 such looks that read one digit more than the page, the 28 that read
     * another digit were right, and of the 7 that read a 3, 6 had read the sign). Neither is taken unless the amount is
     * one of the sum's and the sum holds with one of them ({@link #sumSays}); else the amount is left out, with a
     * warning, and the sum may still say what it is later ({@link #paymentLeftBySum}). A look that read ¥3130.68 saw the
     * sign apart from the 3.
     */
    static boolean signReadAsThree(String read, String looks, Area where, LineReader lines) {
        String page = withoutSignMisread(read);
        if (!FieldText.isMoney(page) || !looks.equals("3" + page)) return false;
        for (double scale : new double[] {SECOND_SCALE, THIRD_SCALE}) {
            TextBox box = look(where, scale, AMOUNT.alphabet(), lines);
            if (box != null && SIGN_BEFORE_THREE.matcher(TextLine.fold(box.text())).lookingAt()) return false;
        }
        return true;
    }

    /**
     * Whether an amount of the sum, put in for its field, makes the total the sum of the payments to the cent, every one
     * of them read: the sum decides between the page's read and the looks' of {@link #signReadAsThree} (set 1's JPEG
     * receipt-011: 金额合计 575.73 by the page, 3575.73 by both looks and by the payments).
     */
    private static boolean sumSays(ReceiptReading reading, Map<ReceiptField, Value> fields, ReceiptField field, Value value) {
        if (!SUM.contains(field)) return false;
        Map<ReceiptField, Value> attempt = new EnumMap<>(fields);
        attempt.put(field, value);
        return sumCorroborated(reading, attempt);
    }

    /**
     * A page's read of an amount without the mark or two before it that are its sign misread ({@link #SIGN_MISREAD}); the
     * read itself when there are none.
     */
    private static String withoutSignMisread(String read) {
        Matcher sign = SIGN_MISREAD.matcher(read);
        return sign.find() ? read.substring(sign.end()) : read;
    }

    /** A look's read of an amount that begins with its sign read as the sign, a 3 after it. */
    private static final Pattern SIGN_BEFORE_THREE = Pattern.compile("[^\\d]*[¥￥]3");

    /** One or two marks before an amount's first digit: its sign as OCR misread it in a thin face (兰, 于, ”兰, #, sg). */
    private static final Pattern SIGN_MISREAD = Pattern.compile("^[^\\d.,]{1,2}(?=\\d)");

    /**
     * An amount the page read after a mark or two that are no digit (”兰1096.70, 于134.28: the ¥ of a thin Song face
     * read as a Chinese character), taken without them when a look at it, in an amount's characters with the ¥ among
     * them, reads the same amount: two reads of the same pixels, at two scales, agree on every digit. The marks may have
     * held a digit (于2726.26 for ¥12726.26): then the look, which reads the ¥ as the ¥, reads that digit too and
     * differs. The look at {@link #THIRD_SCALE} is made when the one at {@link #SECOND_SCALE} has no amount's form.
     */
    private static Value signAsideAgreed(Value page, List<Value> looks, Area area, Kind kind, LineReader lines) {
        String rest = withoutSignMisread(page.text());
        if (rest.equals(page.text())) return null;
        String amount = FieldText.money(rest);
        if (!kind.form().matcher(amount).matches()) return null;
        List<Value> seen = new ArrayList<>(looks);
        if (seen.isEmpty()) {
            Value third = read(area, THIRD_SCALE, kind, lines);
            if (third != null) seen.add(third);
        }
        for (Value look : seen) {
            if (look.text().equals(amount)) return new Value(amount, Math.min(page.confidence(), look.confidence()), area);
        }
        return null;
    }

    /** An amount read right after its sign, ¥ or ￥. */
    private static final Pattern AFTER_THE_SIGN = Pattern.compile("[¥￥](\\d+\\.\\d{2})");

    /**
     * The amount a look at {@link #SECOND_SCALE} or {@link #THIRD_SCALE}, in an amount's characters, reads right after
     * the sign that ends with the page's read of it and has digits before those: the page lost its leading digits, or
     * the stroke of a seal stood for them (a thin Song face under the seal: 针83.13 for ¥183.13, whose looks read .¥183.13
     * and ¥83.18, and 到14.81 for ¥314.81, read 1¥314.81). Null when the page's read is no amount or no look reads so; a
     * look without the sign read before its digits says nothing of them (31301.56: the ¥ read as 3; a first version that
     * counted such looks lost six amounts read right on SONGSEALSCAN alone). The looks' own disagreement leaves the longer read
     * untaken too. Set 1's 17 grey renderings: 7,305/652/42 → 7,305/655/39 right/missing/WRONG, the three WRONG left out
     * (SONGSEALSCAN seeds 4 and 18, SONGSCAN seed 27), nothing else moved.
     */
    private static String readWithDigitsBefore(String page, Area where, LineReader lines) {
        if (!FieldText.isMoney(page)) return null;
        return readAfterTheSign(where, lines, SECOND_SCALE, THIRD_SCALE)
                .filter(read -> read.length() > page.length() && read.endsWith(page)).findFirst().orElse(null);
    }

    /**
     * The amount both looks read after the sign and a mark right after it ({@link #MARK_AFTER_THE_SIGN}: ¥.33.64) when it
     * and the page's read of the amount differ only in digits before the same last ones: one ends with the other. The
     * mark says the looks could not make out what stands right after the sign, and the digits there are in doubt,
     * whichever read has more of them: a thin Song face photographed, ¥753.64 read 533.64 by the page and ¥.33.64 by both
     * looks, the 75 a point (33.64 was taken, WRONG); scanned under the seal, ¥41.20 read 41.20 by the page and ¥.441.20
     * by both looks, the sign's stroke one more digit (441.20 was taken, WRONG). Null otherwise: one look reading so, the
     * looks reading different amounts, the page's read no amount, the same amount or another.
     */
    static String leadingDigitsInDoubt(String page, List<String> looks) {
        if (!FieldText.isMoney(page) || looks.size() < 2) return null;
        String after = null;
        for (String look : looks) {
            Matcher m = look == null ? null : MARK_AFTER_THE_SIGN.matcher(look);
            if (m == null || !m.lookingAt() || after != null && !after.equals(m.group(1))) return null;
            after = m.group(1);
        }
        return !page.equals(after) && (page.endsWith(after) || after.endsWith(page)) ? after : null;
    }

    /**
     * The page's read of an amount when both looks agreed only on its last digits (38.34 where the page read 438.34) and
     * both looks again, begun a line height further left, read the page's amount, after its sign or without one: the
     * amount's place on the page was guessed too far right and the looks began after its first digit (a light scan's
     * ¥438.34 beside a label under the seal's star, read 位，Y438.34 as one box whose two misread characters took the
     * digits' room; 38.34 was taken, WRONG). Less sure than either read. Else the looks' read: a page that read the sign
     * as a digit (4183.13 for ¥183.13) is read ¥183.13 there, and the looks are kept.
     */
    static Value furtherLeft(Value page, Value again, Area where, LineReader lines) {
        String read = page.text();
        if (!FieldText.isMoney(read) || read.length() <= again.text().length() || !read.endsWith(again.text())) return again;
        Area wider = new Area(where.x() - where.height(), where.y(), where.width() + where.height(), where.height());
        Value further = agreed(looks(wider, AMOUNT, lines), wider);
        return further != null && further.text().equals(read)
                ? new Value(read, Math.min(page.confidence(), further.confidence()), page.area()) : again;
    }

    /**
     * The two looks' amounts when they and the page's read of an amount have as many digits, the looks begin with the
     * same digit and the page with another, and the looks differ after it: both say the page misread the first digit,
     * and they do not say the same amount (a phone's shadow and the seal's ring over 个人自付 ¥75.60, read 19.60 by the
     * page beside the label's remnant and 75.60 and 78.60 by the looks; 19.60 was taken, WRONG). Null otherwise: a look
     * with a digit more or less is as often the sign read as a 1 or a 3 or a digit lost (947.49 read 1947.49 and 1941.49
     * by the looks, right), a look agreeing with the page's first digit leaves it undisputed.
     */
    static List<String> firstDigitDisputed(String page, List<Value> looks) {
        if (looks.size() != 2 || !FieldText.isMoney(page)) return null;
        String one = looks.getFirst().text(), other = looks.getLast().text();
        if (!FieldText.isMoney(one) || !FieldText.isMoney(other) || one.equals(other)) return null;
        if (one.length() != page.length() || other.length() != page.length()) return null;
        return one.charAt(0) == other.charAt(0) && one.charAt(0) != page.charAt(0) ? List.of(one, other) : null;
    }

    /** A look's text at the scale in an amount's characters, its shapes folded; null when nothing was read. */
    private static String lookText(Area where, double scale, LineReader lines) {
        TextBox box = look(where, scale, AMOUNT.alphabet(), lines);
        return box == null ? null : TextLine.fold(box.text());
    }

    /**
     * The amounts the looks at these scales, in an amount's characters, read right after the sign ({@link #AFTER_THE_SIGN}),
     * scale by scale; a look is made only when the reads before it were not enough.
     */
    private static Stream<String> readAfterTheSign(Area where, LineReader lines, double... scales) {
        return DoubleStream.of(scales).mapToObj(scale -> look(where, scale, AMOUNT.alphabet(), lines)).filter(Objects::nonNull)
                .flatMap(box -> AFTER_THE_SIGN.matcher(TextLine.fold(box.text())).results().map(signed -> signed.group(1)));
    }

    /**
     * An amount whose decimal point no read saw (96602 for 966.02: a thin Song face's point, a dot a pixel or two across,
     * lost in a phone's photo): the page read only digits, at least three, and both looks, at two scales in an amount's
     * characters with the point among them, read the same digits and no point. Every amount a receipt prints has two
     * decimals; the point goes before the last two digits. A little less sure ({@link PageReading#PLACED_TRUST}).
     */
    static Value pointLost(Value page, Area area, LineReader lines) {
        String digits = FieldText.money(page.text());
        if (!digits.matches("\\d{3,}") || digits.startsWith("0")) return null;
        double confidence = page.confidence();
        for (double scale : new double[] {SECOND_SCALE, THIRD_SCALE}) {
            Value look = read(area, scale, POINTLESS, lines);
            if (look == null || !look.text().equals(digits)) return null;
            confidence = Math.min(confidence, look.confidence());
        }
        String amount = digits.substring(0, digits.length() - 2) + "." + digits.substring(digits.length() - 2);
        return new Value(amount, confidence * PageReading.PLACED_TRUST, area);
    }

    /**
     * The digits without the 1 that stands where the point goes, before the last two (966102 for 966.02: a thin Song face's
     * point run into the sign's stroke by the page's read), three digits at least before it; null when no 1 stands there.
     */
    static String pointReadAsOne(String digits) {
        int at = digits.length() - 3;
        return at >= 3 && digits.charAt(at) == '1' ? digits.substring(0, at) + digits.substring(at + 1) : null;
    }

    /** An amount read without its point: its digits, after the sign. */
    private static final Kind POINTLESS = new Kind(DIGITS + ".¥", FieldText::money, Pattern.compile("\\d{3,}"));

    /**
     * A code the two looks in its characters did not agree on: seen again at a third scale ({@link #seenAgainAtAThirdScale}), or
     * else, when the page read none in the code's form, where the two looks on the page's data without the seal's lighter
     * ink ({@link LineReader#readLineWithoutSeal}) agree on one in its form: a seal's ring across 票据代码's digits, a
     * soft scan of a light toner, the looks on the page reading 32 and nothing, and without the ring 42010126 twice. A
     * code the page read in its form is not overruled so: that layer loses light strokes of the data, and on a thin Song
     * face its two looks agreed on 12080125 where the page, unsure, read 42080125 right. Set 1's 17 grey renderings:
     * STARSOFTSCAN's invoice codes missing 21 → 12 and a check code read; a check code on three more, an invoice's number
     * on one; all together 7,291 → 7,305 fields right, WRONG 42 unchanged.
     */
    private static Value codeAgain(Value page, List<Value> looks, Area area, Kind kind, LineReader lines) {
        Value again = seenAgainAtAThirdScale(page, looks, area, kind, lines);
        if (again != null || page != null && kind.form().matcher(page.text()).matches()) return again;
        return agreed(looks(area, kind, lines::readLineWithoutSeal), area);
    }

    /**
     * A value the two looks in its characters did not agree on (a check code no sum or count checks; an unsure amount,
     * {@link #amountSeenAgain}), when a look at
     * {@link #CODE_SCALE} reads it in its form as one of them did and more reads in its form have it than not: f1adc1 by
     * the looks at 2.0 and 2.5, fadc1 at 1.5 (its 1 lost) and f1adc11 by the page, neither in a check code's form. The
     * page's read (null: none, the code looked at where its label left room) votes when it has the form: the looks at
     * 42280725 twice, once at 42280125 as the page read it, are no majority (set 1's scans with the seal over the payer: a
     * 1 read 7 at two scales). At a little less confidence than the looks that read it, as a name outvoting another; null
     * otherwise.
     */
    private static Value seenAgainAtAThirdScale(Value page, List<Value> looks, Area area, Kind kind, LineReader lines) {
        if (looks.isEmpty()) return null;
        Value look = readInItsForm(area, CODE_SCALE, kind, lines);
        if (look == null) return null;
        List<Value> reads = new ArrayList<>(looks);
        reads.add(look);
        if (page != null && kind.form().matcher(page.text()).matches()) reads.add(page);
        List<Value> alike = reads.stream().filter(read -> read.text().equals(look.text())).toList();
        if (alike.size() < 2 || 2 * alike.size() <= reads.size()) return null;
        // as sure as the looks that read it: the page's read was unsure or not in the code's form, or it was not looked at
        double sure = alike.stream().filter(read -> read != page).mapToDouble(Value::confidence).min().orElse(0);
        return new Value(look.text(), OUTVOTED_TRUST * sure, area);
    }

    /**
     * An unsure amount the two looks did not agree on, when a third look, at {@link #CODE_SCALE}, reads it as one of them
     * did and more reads in its form have it than not, the page's among them ({@link #seenAgainAtAThirdScale}), and it ends in the
     * digits the page read before the end (跌521.29 for 2521.29, looked at as .¥2521.29 and .¥2521.20, at 2.5 as
     * 2521.29). A majority that ends otherwise overrules the page's own digits (3s.31, looked at as 133.31 and 9133.31,
     * at 2.5 as 9133.31): it is not taken. Nor is one with digits before the page's that no look read after the sign
     * ({@link #readAfterTheSign}): the sign read as a digit (a worn scan's )13605.99, looked at as 513605.99 at 2.0 and
     * 2.5, and 505718.62 then made of its payment by the sum, both WRONG).
     */
    static Value amountSeenAgain(Value page, List<Value> looks, Area area, LineReader lines) {
        Matcher digits = LAST_AMOUNT.matcher(page.text());
        if (!digits.find()) return null;
        Value voted = seenAgainAtAThirdScale(page, looks, area, AMOUNT, lines);
        if (voted == null || !voted.text().endsWith(digits.group())) return null;
        boolean signed = voted.text().equals(digits.group())
                || readAfterTheSign(area, lines, SECOND_SCALE, THIRD_SCALE, CODE_SCALE).anyMatch(voted.text()::equals);
        return signed ? voted : null;
    }

    /** A field its second looks left in doubt: out of the reading, not looked for again in its slot, and the warning given. */
    private static void leaveOut(ReceiptField field, Map<ReceiptField, Value> fields, List<ReceiptField> disagreed,
                                 List<String> warnings, String warning) {
        fields.remove(field);
        disagreed.add(field);
        warnings.add(warning);
    }

    /**
     * Whether the page read an amount with one mark among the digits before its point (2-2.92, 6x16.1s) and the looks
     * read as many digits before the point as the page did without the mark (22.92, 606.95): the mark was a digit the
     * page could not make out (a thin Song face's 7 in a photo, 272.92), and the looks lost it. The decimals are not
     * compared: the page may have misread them too (6x16.1s). SONGPHONE seed 24's 个人自费, WRONG as 22.92 before, and
     * seed 27's 医保统筹基金支付, WRONG as 606.95.
     */
    static boolean markForADigit(String page, String look) {
        Matcher m = MARK_BETWEEN_DIGITS.matcher(page);
        int point = look.indexOf('.');
        return m.matches() && point == m.group(1).length() + m.group(2).length();
    }

    private static final Pattern MARK_BETWEEN_DIGITS = Pattern.compile("(\\d+)[^\\d.,](\\d+)[.,].*");

    /** The scale of a code's or an amount's third look, when the looks at {@link #SECOND_SCALE} and {@link #THIRD_SCALE} differ. */
    static final double CODE_SCALE = 2.5;

    /**
     * An amount the looks read whole where the page read only its last digits after a misread (习83.13 for ¥183.13, a Song
     * face's ¥1 read as one character), placed where the page read it: the looks' room runs on to the next label, across
     * what lies beside the amount (a seal's disc, {@link #withoutUnwitnessedUnderTheSeal}), the page's read covers the
     * amount's own characters. Only when the page's read is clear of the seal's disc taken a tenth wider
     * ({@link #RING_EDGE}): the ring's stroke lies past its radius, and a digit it crosses is misread by the page and the
     * looks alike (a pale Song face's ¥822.26 read 822.24 by all three, the ring's edge across its 6). The looks' amount
     * as it is otherwise. Set 1's thin Song face scanned 360/59/3 → 362/57/3, pale 348/72/2 → 349/71/2, the template's
     * worn scans 459/123/5 → 460/122/5; taken at the disc itself, the pale one's 822.24 was WRONG (349/70/3); clear of it
     * by a line height, nothing changed.
     */
    static Value whereThePageReadIt(Value again, Value page, LineReader.Disc disc) {
        Matcher digits = LAST_AMOUNT.matcher(page.text());
        Area a = page.area();
        if (a == null || !digits.find() || !again.text().endsWith(digits.group())) return again;
        if (disc != null && disc.widened(RING_EDGE).reaches(a)) return again;
        return new Value(again.text(), again.confidence(), a);
    }

    /** How much wider than the seal's disc an amount the page read must lie clear of: the ring's stroke and blur. */
    static final double RING_EDGE = 1.1;

    /** The last amount's digits in a read, at least one before the point. */
    private static final Pattern LAST_AMOUNT = Pattern.compile("\\d+\\.\\d{2}$");

    /** The value both looks read, at the lower of their confidences; null unless there are two and they agree. */
    private static Value agreed(List<Value> looks, Area area) {
        if (looks.size() < 2 || !looks.get(0).text().equals(looks.get(1).text())) return null;
        return new Value(looks.get(0).text(), Math.min(looks.get(0).confidence(), looks.get(1).confidence()), area);
    }

    private static boolean names(Kind kind) {
        return kind == NAME || kind == HOSPITAL_NAME;
    }

    /**
     * Where a hospital's name the page read as no hospital's (利) for 利川市人民医院, 华中科 for 华中科技大学…医院: a seal's
     * ring across it cut the read short) is looked at again: from where it was read to the end of its label's room on
     * the line, when that room reaches at least a line height further; null when the name was read as a hospital's or
     * has no such room. Looked at only where it was read, the looks read the same few characters again.
     */
    private static Area roomAfter(ReceiptReading reading, ReceiptField field, Value first) {
        if (field != ReceiptField.HOSPITAL || ReceiptChecks.usual(field, first.text())) return null;
        return roomOrNull(reading, field, first);
    }

    /** From where a value was read to the end of its label's room on the line, or where it was read when it has no room. */
    private static Area room(ReceiptReading reading, ReceiptField field, Value first) {
        Area room = roomOrNull(reading, field, first);
        return room != null ? room : first.area();
    }

    private static Area roomOrNull(ReceiptReading reading, ReceiptField field, Value first) {
        Area slot = reading.slots().get(field);
        Area where = first.area();
        if (slot == null || slot.x() > where.x() + 1 || slot.x() + slot.width() < where.x() + where.width() + where.height()) return null;
        return new Area(where.x(), where.y(), slot.x() + slot.width() - where.x(), where.height());
    }

    private static boolean listed(HospitalList hospitals, Value name) {
        return name != null && hospitals.match(name.text()).kind() == HospitalList.Match.Kind.LISTED;
    }

    /**
     * A hospital's name that its reads left out or named no listed hospital with, read in its room on the page's data
     * without the seal's lighter ink ({@link LineReader#readLineWithoutSeal}: a grey scan of another form, read as one
     * layer with the seal's ring across the name — 利川市人民医院 read as 利) and 利直人民医院; in a thin Song face, whose
     * data is no darker than the seal, the page with the ring alone taken out, 利NSKA民医院 → 利川市人民医院), when one
     * look there names a listed hospital and the other names it too or is a character or two from it and from no other
     * ({@link #listedAmong}: 利川市人民医院 and 利川击人民医院); null else. Only the name of a listed hospital is taken so:
     * that layer loses light strokes of the data (set 2's scans: every look on it lost leading digits of amounts). The
     * looks join the name's other reads, for the list's nearest to be chosen from when they too disagree
     * ({@link #nearestOfAll}). Set 1's other forms scanned in the Song face, seeds 1–30: hospitals missing 29 → 21, none
     * WRONG, none WRONG either with each receipt issued by a hospital the list lacks or by its sibling.
     */
    private static Value listedWithoutSeal(Area room, LineReader lines, HospitalList hospitals, List<Value> reads) {
        LineReader withoutSeal = lines::readLineWithoutSeal;
        List<Value> looks = looks(room, HOSPITAL_IN_ITS_ROOM, withoutSeal);
        reads.addAll(looks);
        return looks.size() < 2 ? null : listedAmong(hospitals, looks);
    }

    /**
     * A hospital's name read across its label's room: what the room's end adds after the name's usual ending (a character
     * of the next label or a stroke of the seal's ring: 利川市人民医院龟) is cut off ({@link FieldText#upToItsEnding}).
     */
    private static final Kind HOSPITAL_IN_ITS_ROOM = new Kind("", t -> FieldText.upToItsEnding(FieldText.hospital(t)), NAME.form());

    /**
     * The name two reads agree on, or null; a name outvoting another must also look like one. A hospital's reads are
     * first held against the list of hospitals ({@link #listedAmong}). A hospital looked at in its room ({@link #roomAfter}:
     * not null) is read there from the second look on. A payer's name two reads agree on with a character no one is named
     * by, where the third read has a usual one ({@link #usualWhereUnusual}), is the third read's; where the third read has
     * any other character there, the name is left out ({@link #unusualWhereOutvotedDiffers}). A payer's three reads that
     * all differ may still make a name character by character ({@link #byCharacter}). Either is said in a warning.
     */
    private static Value name(ReceiptField field, Value pageRead, LineReader lines, HospitalList hospitals, Area room, List<Value> reads,
                              List<String> warnings) {
        Kind kind = room != null ? HOSPITAL_IN_ITS_ROOM : kind(field);
        Value first = room != null ? new Value(pageRead.text(), pageRead.confidence(), room) : pageRead;
        reads.add(first);
        Value second = read(first.area(), SECOND_SCALE, kind, lines);
        if (second == null) return field == ReceiptField.PAYER_NAME ? lookedAtOnce(first, kind, lines, reads, warnings) : first;
        reads.add(second);
        String agreed = sameName(first.text(), second.text());
        if (agreed != null) return new Value(agreed, Math.max(first.confidence(), second.confidence()), first.area());
        Value third = read(first.area(), THIRD_SCALE, kind, lines);
        if (third != null) reads.add(third);
        Value listed = hospitals == null ? null : listedAmong(hospitals, third == null ? List.of(first, second) : List.of(first, second, third));
        if (listed != null) return listed;
        if (third != null) {
            for (Value earlier : List.of(first, second)) {
                agreed = sameName(third.text(), earlier.text());
                if (agreed == null || !ReceiptChecks.usual(field, agreed)) continue;
                Value other = earlier == first ? second : first;
                if (field == ReceiptField.PAYER_NAME && usualWhereUnusual(agreed, other.text())) {
                    warnings.add(field.chinese() + "两次读作「" + agreed + "」，其中有不常用于人名的字，另一次读作「" + other.text() + "」，取后者，请核对原件");
                    return new Value(other.text(), OUTVOTED_TRUST * other.confidence(), first.area());
                }
                if (field == ReceiptField.PAYER_NAME && unusualWhereOutvotedDiffers(agreed, other.text())) return null;
                // two looks agreeing on a name no one is called by, the page's read with a surname before the same given name
                Value page = field == ReceiptField.PAYER_NAME && !Surnames.begins(agreed) ? pagesSurnameSeenAgain(reads, kind, lines) : null;
                return page != null ? page : new Value(agreed, OUTVOTED_TRUST * (third.confidence() + earlier.confidence()) / 2, first.area());
            }
        }
        if (field != ReceiptField.PAYER_NAME) return null;
        String voted = third == null ? null : byCharacter(List.of(first.text(), second.text(), third.text()));
        if (voted != null) {
            warnings.add(field.chinese() + "三次识别各不相同（" + first.text() + "、" + second.text() + "、" + third.text() + "），逐字取多数读作「"
                    + voted + "」，请核对原件");
            return new Value(voted, OUTVOTED_TRUST * Math.min(first.confidence(), Math.min(second.confidence(), third.confidence())), first.area());
        }
        Value surnamed = surnameAmong(reads);
        if (surnamed != null) return surnamed;
        Value page = pagesSurnameSeenAgain(reads, kind, lines);
        return page != null ? page : beforeAStroke(reads, first.area(), warnings);
    }

    /**
     * A payer's name the look at {@link #SECOND_SCALE} read nothing of, as the look at {@link #THIRD_SCALE} reads it: nothing
     * or the same name, and the page's read stands, as it did alone before; the page's read with one character more
     * before the look's name, itself a name people are called by, and the look's is taken, a little less sure than it,
     * with a warning (a thin Song face's 徐雪涛 after its label's colon, read 和徐雪涛 by the page, nothing at ×2, 徐雪涛 at
     * ×1.5: set 1's Song-face scan, seed 27); any other name, and the reads disagree (null: left out).
     */
    private static Value lookedAtOnce(Value page, Kind kind, LineReader lines, List<Value> reads, List<String> warnings) {
        Value look = read(page.area(), THIRD_SCALE, kind, lines);
        if (look == null || sameName(page.text(), look.text()) != null) return page;
        reads.add(look);
        String name = look.text();
        boolean oneBefore = page.text().length() > 1 && page.text().substring(page.text().offsetByCodePoints(0, 1)).equals(name);
        if (!oneBefore || !Surnames.begins(name) || !ReceiptChecks.usual(ReceiptField.PAYER_NAME, name)) return null;
        warnings.add("交款人读作「" + page.text() + "」，再次识别读作「" + name + "」，多出的首字像是标签后的冒号，取后者，请核对原件");
        return new Value(name, OUTVOTED_TRUST * look.confidence(), page.area());
    }

    /**
     * The name two reads of a payer share before a last character they differ in ({@link #sharedBeforeAStroke}), taken
     * a little less sure than the less sure of the two, with a warning giving both reads; null when no two reads do.
     */
    private static Value beforeAStroke(List<Value> reads, Area area, List<String> warnings) {
        for (int i = 0; i < reads.size(); i++) {
            for (int j = i + 1; j < reads.size(); j++) {
                Value one = reads.get(i), other = reads.get(j);
                String name = sharedBeforeAStroke(one.text(), other.text());
                if (name == null) continue;
                warnings.add("交款人两次分别读作「" + one.text() + "」「" + other.text() + "」，末字各不相同，像是印章的笔画，取前三字「" + name
                        + "」，请核对原件");
                return new Value(name, OUTVOTED_TRUST * Math.min(one.confidence(), other.confidence()), area);
            }
        }
        return null;
    }

    /**
     * The three characters two reads of a payer's name share when each has one more after them, another in each: the
     * seal pressed on the name, its ring or star crossing the line just after the name's last character, read as one
     * character more, another each look (韩华明东 and 韩华明怀, 李浩斌口 and 李浩斌气; the page's 李洗斌 beside them). Only a single surname and two
     * characters people are named by ({@link GivenNames}), the last of them no label's first ({@link ReceiptLabel#firstCharacters}:
     * 唐丽开乐 and 唐丽开县 are 唐丽 before 开票日期, its 票 under the star); null otherwise, and for reads of three
     * characters (黄国厂 and 黄国夕 are 黄国 and a stroke, 王宇富 and 王宇霁 are 王宇雪 misread: nothing tells them apart). A
     * four-character name with a single surname whose last character both reads misread differently would be cut short
     * so; such names are rare, and a compound surname's name of four is never cut so (欧阳明东 and 欧阳明怀). Set 1's
     * soft light scans with the star on the payer's name 392/29/1 → 396/25/1 (right/missing/WRONG), Song-face scans with
     * the seal over the payer 360/61/1 → 361/60/1, the other 24 renderings probed page for page.
     */
    static String sharedBeforeAStroke(String one, String other) {
        int[] a = one.codePoints().toArray();
        int[] b = other.codePoints().toArray();
        if (a.length != NAME_BEFORE_A_STROKE + 1 || b.length != a.length || a[NAME_BEFORE_A_STROKE] == b[NAME_BEFORE_A_STROKE]) return null;
        if (!Arrays.equals(a, 0, NAME_BEFORE_A_STROKE, b, 0, NAME_BEFORE_A_STROKE)) return null;
        String name = new String(a, 0, NAME_BEFORE_A_STROKE);
        if (Surnames.surnameLength(name) != 1 || !GivenNames.usualAfterItsSurname(name)) return null;
        return FieldText.LABELS_FIRST.indexOf(a[2]) >= 0 ? null : name;
    }

    /** How many characters a name read with a stroke after it has ({@link #sharedBeforeAStroke}): a surname and two. */
    private static final int NAME_BEFORE_A_STROKE = 3;

    /**
     * Whether a read of a name differs from the name two other reads agree on only in given-name characters no one is
     * named by ({@link GivenNames}), where it has usual ones, its surname the same: 陈怡军 read by the page, 陈恰军 by both
     * looks at the line (the looks' model misreads 怡 so). Set 1's probes: four names read WRONG so, all four right with
     * the page's read (CLEAN, TBLURRED, WIDEZEN300, BLACKDROPPHONE), none made WRONG.
     */
    static boolean usualWhereUnusual(String agreed, String other) {
        if (agreed.contains("·") || other.contains("·")) return false;
        int[] a = agreed.codePoints().toArray();
        int[] o = other.codePoints().toArray();
        int from = Surnames.surnameLength(agreed);
        int othersSurname = Surnames.surnameLength(other);
        if (a.length != o.length || from == 0 || othersSurname == 0) return false;
        boolean differs = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == o[i]) continue;
            if (i < from || GivenNames.usual(a[i]) || i >= othersSurname && !GivenNames.usual(o[i])) return false;
            differs = true;
        }
        return differs;
    }

    /**
     * Whether the read two others outvoted has another character where the name they agree on has one no one is named
     * by ({@link GivenNames}): the reads disagree just where the name is least like one, and two looks at the same
     * pixels can share a misread (刘梅疗 for 刘梅秀 at 2.0 and 1.5, the seal over the name in a thin Song face; the page read
     * 交款加天者和庆梅疾). The outvoted read is held against the name by its end, as the page reads a name after what the seal
     * left of its label. A name with no such character, or whose such characters the outvoted read has too, stands. Set
     * 1's other forms scanned in the Song face with the seal over the payer: that name, WRONG once the marks part a
     * name from its label's remnant ({@link FieldText#payerName}), left out; the other 25 renderings probed unchanged.
     */
    static boolean unusualWhereOutvotedDiffers(String agreed, String other) {
        if (agreed.contains("·") || other.contains("·")) return false;
        int[] a = agreed.codePoints().toArray();
        int[] o = other.codePoints().toArray();
        if (o.length < a.length) return false;
        int end = o.length - a.length;
        for (int i = Math.max(1, Surnames.surnameLength(agreed)); i < a.length; i++) {
            if (a[i] != o[end + i] && !GivenNames.usual(a[i])) return true;
        }
        return false;
    }

    /**
     * The name three reads that all differ make character by character: each read from its surname on
     * ({@link #fromItsSurname}), all as long, each character the one at least two of them have there, beginning with a
     * surname and its given name of characters people are named by ({@link GivenNames}). Null otherwise (a position
     * where all three differ, reads of different lengths). 崔慧风 by the page, 崔慧凤 and 屹慧凤 by the looks: 崔慧凤. 戴柏谦
     * read 戴柏谦, 戴眩谥 and 戴柏谥 would make 戴柏谥, no one's name (谥): nothing is taken. Set 1's probes: 5 names more
     * right (two of them with a stroke read before the name), one WRONG (潘婉受, 潘姬昀, 潘婉昀 → 潘婉昀 for 潘婉旻: two
     * looks misread 旻 alike).
     */
    static String byCharacter(List<String> reads) {
        if (reads.stream().anyMatch(read -> read.contains("·"))) return null;
        List<int[]> aligned = reads.stream().map(read -> fromItsSurname(read).codePoints().toArray()).toList();
        int length = aligned.getFirst().length;
        if (aligned.stream().anyMatch(read -> read.length != length)) return null;
        StringBuilder name = new StringBuilder();
        int[] a = aligned.get(0);
        int[] b = aligned.get(1);
        int[] c = aligned.get(2);
        for (int i = 0; i < length; i++) {
            int most = a[i] == b[i] || a[i] == c[i] ? a[i] : b[i] == c[i] ? b[i] : -1;
            if (most < 0) return null;
            name.appendCodePoint(most);
        }
        String voted = name.toString();
        if (!Surnames.makeAName(voted) || !GivenNames.usualAfterItsSurname(voted)) return null;
        return voted;
    }

    /**
     * A read of a name from its surname on: the characters before the first that begins one left out (了陈怡军, a stroke of
     * the seal read before 陈怡军), two characters at least kept; the read as it is when none begins one, or it is written
     * with a middle dot.
     */
    static String fromItsSurname(String read) {
        if (read.contains("·")) return read;
        String rest = read;
        while (Surnames.surnameLength(rest) == 0 && rest.codePointCount(0, rest.length()) > 2) rest = rest.substring(rest.offsetByCodePoints(0, 1));
        return Surnames.surnameLength(rest) > 0 ? rest : read;
    }

    /**
     * The page's read of a payer's name when only it begins with a usual surname and every read has its given name (董明
     * by the page, 芷明 by both looks at the seal's ring over 董): taken when a look at another scale
     * ({@link #OTHER_SCALES}) reads it too, as a name outvoting others — the page's read alone does not make the surname
     * ({@link #surnameAmong}). Null otherwise.
     */
    private static Value pagesSurnameSeenAgain(List<Value> reads, Kind kind, LineReader lines) {
        if (reads.size() < 2 || sharedGivenName(reads) == null) return null;
        Value page = reads.getFirst();
        String text = page.text();
        if (!Surnames.begins(text) || reads.stream().skip(1).anyMatch(look -> Surnames.begins(look.text()))) return null;
        for (double scale : OTHER_SCALES) {
            Value look = read(page.area(), scale, kind, lines);
            if (look != null && look.text().equals(text)) return new Value(text, OUTVOTED_TRUST * Math.min(page.confidence(), look.confidence()), page.area());
        }
        return null;
    }

    /** How far left of a payer's slot its label is looked for, in line heights (交款人（患者）： is seven characters). */
    static final double LABEL_REACH = 8;

    /**
     * A payer whose name neither the page nor a look at its slot read (a three-character name alone in a wide cell came
     * back from the line model as nothing), read with its label on the page with both inks
     * ({@link LineReader#readLineWithLabels}): the name is the Chinese characters right after the payer's label and
     * before any other label, taken when both looks, at two scales, read the same name ({@link #afterPayersLabel}). The
     * look ends a line height before the slot's end, where the next label begins, as the looks at the slot alone end
     * before it ({@link #withinItsSlot}): reaching it, both looks read that label's first character as the name's last
     * (吴杰开 for 吴杰 before 开具日期). Set 1's probes: SONG300 410 → 411 fields
     * right, PALESCAN 353 → 354, TPALESCAN 479/97/11 → 480/98/9, WIDENAMES 1235/30/6 → 1236/31/4, WIDEZEN300 1222/43/6 →
     * 1223/43/5, the other 21 as before.
     */
    private static Value payerWithItsLabel(Area slot, LineReader lines) {
        if (slot == null) return null;
        double h = slot.height();
        String name = null;
        double confidence = 1;
        for (double scale : new double[] {SECOND_SCALE, THIRD_SCALE}) {
            TextBox box = lines.readLineWithLabels(slot.x() - LABEL_REACH * h, slot.y() - h / 3, slot.width() - h + LABEL_REACH * h,
                    h * 5 / 3, scale, "");
            String read = box == null ? null : afterPayersLabel(TextLine.fold(box.text()).replaceAll("\\s", ""));
            if (read == null || name != null && !name.equals(read)) return null;
            name = read;
            confidence = Math.min(confidence, box.confidence());
        }
        return new Value(name, OUTVOTED_TRUST * confidence, slot);
    }

    /**
     * A payer's name read without the middle dot its ink holds (麦克李 for 麦克·李: a Hei face's half-width dot, a tenth
     * of the characters' height, dropped by every read or read as an apostrophe and dropped with the marks), the dot put
     * back where the ink has it ({@link LineReader#middleDotAfter}); null when the name has a dot already, is not three
     * Chinese characters or more, or its ink holds no dot between two of them. Run together, such a name either began
     * with a surname and was given WRONG (麦 of 麦克李) or was five characters and more and left out. Set 1's other forms
     * paid by dotted names in WenQuanYi Zen Hei at 300 dpi ({@code -DdottedNames}, seeds 1–30): 400/18/4 → 407/13/2, the
     * 26 probes unchanged.
     */
    static Value withItsMiddleDot(Value payer, LineReader lines) {
        if (payer == null || payer.area() == null || !RUN_TOGETHER.matcher(payer.text()).matches()) return null;
        Area a = payer.area();
        int characters = payer.text().length();
        int after = lines.middleDotAfter(a.x(), a.y(), a.width(), a.height(), characters);
        if (after == 0) return null;
        return new Value(payer.text().substring(0, after) + "·" + payer.text().substring(after), payer.confidence(), a);
    }

    private static final Pattern RUN_TOGETHER = Pattern.compile("\\p{IsHan}{3,}");

    private static final Pattern NAME_AFTER_LABEL = Pattern.compile("^[:;)]*(\\p{IsHan}{2,4}|\\p{IsHan}+(?:·\\p{IsHan}+)+)(?![\\p{IsHan}·])");

    /** The name (two to four characters, or written with a middle dot) right after the payer's label in a line read, before any other label; or null. */
    static String afterPayersLabel(String line) {
        List<LabelFinder.Hit> hits = LabelFinder.find(line);
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).label() != ReceiptLabel.PAYER) continue;
            int end = i + 1 < hits.size() ? hits.get(i + 1).start() : line.length();
            Matcher m = NAME_AFTER_LABEL.matcher(FieldText.personName(line.substring(hits.get(i).end(), end)));
            return m.find() ? m.group(1) : null;
        }
        return null;
    }

    /**
     * Of reads of a payer's name that differ only in their first character, the one whose first character is a surname
     * when no other's is ({@link Surnames}): a surname OCR misreads mostly becomes a character no one is called by (袁伟
     * read as 衰伟 by the page and 囊伟 by a look, 袁伟 by the other), and the given name all reads agree on is what says
     * they read one name. The surname must be a second look's: the page's read, among the seal's strokes, is not enough
     * alone. At a little less confidence, as any name outvoting another; null otherwise.
     */
    static Value surnameAmong(List<Value> reads) {
        if (reads.size() < 2 || sharedGivenName(reads) == null) return null;
        Value surnamed = null;
        for (Value read : reads) {
            String text = read.text();
            if (!Surnames.begins(text)) continue;
            if (surnamed != null && !surnamed.text().equals(text)) return null;
            if (surnamed == null || read.confidence() > surnamed.confidence()) surnamed = read;
        }
        if (surnamed == null) return null;
        String name = surnamed.text();
        // the page's read alone does not make the surname: it read the line among the seal's strokes (华海林 for 蔡海林, the
        // ring over 蔡, where both looks read characters no one is called by)
        if (reads.stream().skip(1).noneMatch(look -> look.text().equals(name))) return null;
        return new Value(name, OUTVOTED_TRUST * surnamed.confidence(), reads.getFirst().area());
    }

    /**
     * What every read of a name has after its first character, the given name they share; null when they differ, or one
     * is written with a middle dot (no surname to tell) or is shorter than two characters.
     */
    private static String sharedGivenName(List<Value> reads) {
        String given = null;
        for (Value read : reads) {
            String text = read.text();
            if (text.contains("·") || text.codePointCount(0, text.length()) < 2) return null;
            String after = text.substring(text.offsetByCodePoints(0, 1));
            if (given != null && !given.equals(after)) return null;
            given = after;
        }
        return given;
    }

    /**
     * The name two reads agree on: the same text, or the same but for a middle dot one of them lost (麦克李 read by the
     * page, 麦克·李 by a look), which the name keeps. Null when they differ otherwise.
     */
    static String sameName(String one, String other) {
        if (one.equals(other)) return one;
        if (one.contains("·") == other.contains("·") || !one.replace("·", "").equals(other.replace("·", ""))) return null;
        return one.contains("·") ? one : other;
    }

    /**
     * Of reads of a hospital's name that do not all agree, the one that names a listed hospital, when every other read
     * is a character or two from that hospital and from no other listed one ({@link HospitalList.Match.Kind#NEAR}):
     * the other reads then misread what this one read right (set 1's scans: 武汉大学人民医院 read by the page, 武汉太学
     * by both second looks, which outvoted it). It keeps a little less confidence, as any name that outvotes another.
     * Null when no read is listed, when reads name two listed hospitals, or when a read is far from the listed one or
     * near others too (武汉市第七医院 is a character from 第一, 第三 …): then nothing is chosen by the list.
     */
    private static Value listedAmong(HospitalList hospitals, List<Value> reads) {
        if (nearOne(hospitals, reads) == null) return null;
        Value chosen = null;
        for (Value read : reads) {
            if (hospitals.match(read.text()).kind() != HospitalList.Match.Kind.LISTED) continue;
            if (chosen == null || read.confidence() > chosen.confidence()) chosen = read;
        }
        if (chosen == null) return null;
        return new Value(chosen.text(), OUTVOTED_TRUST * chosen.confidence(), reads.get(0).area());
    }

    /** The listed hospital every read names or is a character or two from (and from no other); null when there is none. */
    private static String nearOne(HospitalList hospitals, List<Value> reads) {
        List<HospitalList.Match> matches = reads.stream().map(read -> hospitals.match(read.text())).toList();
        boolean one = matches.stream().allMatch(m -> m.kind() == HospitalList.Match.Kind.LISTED || m.kind() == HospitalList.Match.Kind.NEAR)
                && matches.stream().map(HospitalList.Match::listed).distinct().count() == 1;
        return one ? matches.getFirst().listed() : null;
    }

    /**
     * A hospital's name that no read named a listed hospital with, looked at again from where its slot begins, when the
     * page's read began more than a line height after that: the name's first characters were not read as part of it (a
     * black form's data printed lower than its labels, 宜昌市中心人民医院 read 市中心人民医院 by the page and by the looks
     * from where that read began, and kept with the warning that the list lacks it: WRONG). Taken when both looks name a
     * listed hospital, or one does and the other is a character or two from it and from no other ({@link #listedAmong});
     * null else: what lies before the page's read is a stroke or a mark, or the hospital is not on the list.
     */
    private static Value listedFromItsSlot(ReceiptReading reading, Value first, LineReader lines, HospitalList hospitals) {
        Area slot = reading.slots().get(ReceiptField.HOSPITAL);
        Area where = first.area();
        if (slot == null || where == null || slot.x() > where.x() - where.height()) return null;
        Area from = new Area(slot.x(), where.y(), where.x() + where.width() - slot.x(), where.height());
        List<Value> looks = looks(from, HOSPITAL_IN_ITS_ROOM, lines);
        return looks.size() < 2 ? null : listedAmong(hospitals, looks);
    }

    /** The scales of the looks at a hospital's name that its reads named no listed hospital with: those no read was made at. */
    static final double[] OTHER_SCALES = {1.0, 2.5};

    /**
     * A hospital whose reads, agreeing or not, named no listed hospital, looked at twice more where the looks were, at the
     * scales they were not made at ({@link #OTHER_SCALES}): Tesseract reads a character of one print differently at
     * different sizes (京山 as 京出 at 1.5, 2.0 and 2.5 and right at 1.0; 荆门 as 草门 and 剂门 and right at 1.0 and
     * 1.5). Taken, as {@link #listedAmong} takes it, when one look names a listed hospital and every read is that
     * hospital or a character or two from it and from no other; null else. Not looked at when the reads so far are not
     * all one listed hospital or near it (a hospital the list lacks, 江陵县熊河镇卫生院): the list could choose nothing.
     */
    private static Value listedAtOtherScales(HospitalList hospitals, List<Value> reads, Kind kind, LineReader lines) {
        if (reads.size() < 2 || nearOne(hospitals, reads) == null) return null;
        List<Value> all = new ArrayList<>(reads);
        Area area = reads.getFirst().area();
        for (double scale : OTHER_SCALES) {
            Value look = read(area, scale, kind, lines);
            if (look != null) all.add(look);
        }
        return all.size() > reads.size() ? listedAmong(hospitals, all) : null;
    }

    /**
     * The listed hospital that the reads of a name left out for disagreeing all come nearest to
     * ({@link HospitalList#nearestOfAll}), at the confidence of the surest read outvoted and outvoted again: the list
     * chose it, no read named it.
     */
    private static Value nearestOfAll(HospitalList hospitals, List<Value> reads) {
        String listed = hospitals.nearestOfAll(reads.stream().map(Value::text).toList());
        if (listed == null) return null;
        double confidence = reads.stream().mapToDouble(Value::confidence).max().orElse(0);
        return new Value(listed, OUTVOTED_TRUST * OUTVOTED_TRUST * confidence, reads.getFirst().area());
    }

    /**
     * The hospital a receipt's seal names, where its printed name was not read: the words along the seal's upper arc
     * ({@link LineReader#readSealWords}: a 收费专用章 is the hospital's own, and names it there) read by each model,
     * together with what was read of the printed name, all come nearest to one listed hospital ({@link #nearestOfAll}:
     * two reads or more speaking, none for another hospital). The seal lies over the printed 收款单位 it repeats; its
     * words stand clear of the print. Null when the page has no seal or its words name no listed hospital so: a seal's
     * name the list lacks is never taken for a listed one near it ({@link HospitalList#readsShowAnother}).
     */
    static Value onItsSeal(List<Value> printed, LineReader lines, HospitalList hospitals) {
        List<String> seal = lines.readSealWords();
        if (seal.isEmpty()) return null;
        List<Value> reads = new ArrayList<>(printed);
        Area where = printed.isEmpty() ? null : printed.getFirst().area();
        seal.forEach(words -> reads.add(new Value(words, PageReading.PLACED_TRUST, where)));
        return nearestOfAll(hospitals, reads);
    }

    /** The reviewer's warning for a name the list chose as the one its reads all come nearest to ({@link #nearestOfAll}). */
    private static String nearestWarning(ReceiptField field, List<Value> reads, Value nearest) {
        return field.chinese() + "几次识别均有残缺（" + String.join("、", reads.stream().map(Value::text).distinct().toList())
                + "），按医疗机构名录取最接近的「" + nearest.text() + "」，请核对原件";
    }

    /** The line around an area read again: half a line height more on the left, a whole one on the right, a third above and below. */
    private static Value read(Area area, double scale, Kind kind, LineReader lines) {
        TextBox box = look(area, scale, kind.alphabet(), lines);
        if (box == null) return null;
        String text = kind.spelling().apply(TextLine.fold(box.text()));
        return text.isEmpty() ? null : new Value(text, box.confidence(), area);
    }

    /** A look at the line of a value read or expected in the area: from half a line height before it, a line height and a half wider and a third higher and lower. */
    private static TextBox look(Area area, double scale, String alphabet, LineReader lines) {
        double h = area.height();
        return lines.readLine(area.x() - 0.5 * h, area.y() - h / 3, area.width() + 1.5 * h, h * 5 / 3, scale, alphabet);
    }
}
