package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a page: its characters left to right with where each sits and how sure the reader
 * was of it. Whitespace is dropped and full-width forms are folded to ASCII ({@code ：} to
 * {@code :}, {@code （} to {@code (}, {@code １} to {@code 1}), so labels and values are matched on
 * one spelling; a wide horizontal gap between two characters is remembered, because a value ends
 * there. Lines are built from boxes of any size (glyphs, words, whole lines) by vertical overlap.
 */
final class TextLine {

    /** A gap wider than this many line heights separates two things on a line. */
    static final double WIDE_GAP = 1.5;
    /** Small OCR boxes below this confidence are specks and stray marks, not text. */
    static final double NOISE_CONFIDENCE = 0.1;

    private final String text;
    private final double[] left;
    private final double[] right;
    private final double[] confidence;
    private final TextBox.Ink[] inks;
    private final double top;
    private final double bottom;
    private final double height;

    private TextLine(String text, double[] left, double[] right, double[] confidence, TextBox.Ink[] inks, double top, double bottom,
                     double height) {
        this.text = text;
        this.left = left;
        this.right = right;
        this.confidence = confidence;
        this.inks = inks;
        this.top = top;
        this.bottom = bottom;
        this.height = height;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    double left(int index) {
        return left[index];
    }

    double right(int index) {
        return right[index];
    }

    double top() {
        return top;
    }

    /** The layer each character was read in, left to right ({@link TextBox.Ink#EITHER} where the page was read whole). */
    TextBox.Ink[] inks() {
        return inks.clone();
    }

    /** The layer the character at {@code index} was read in. */
    TextBox.Ink ink(int index) {
        return inks[index];
    }

    /** Whether any character of the line was read in the form's ink (some of it is a label, read or not). */
    boolean holdsFormInk() {
        for (TextBox.Ink ink : inks) if (ink == TextBox.Ink.FORM) return true;
        return false;
    }

    double bottom() {
        return bottom;
    }

    /** The typical character height on this line. */
    double height() {
        return height;
    }

    /** Whether a wide gap lies just before the character at {@code index}. */
    boolean gapBefore(int index) {
        return index > 0 && index < text.length() && left[index] - right[index - 1] > WIDE_GAP * height;
    }

    /** The mean confidence of the characters in [from, to). */
    double confidence(int from, int to) {
        if (to <= from) return 0;
        double sum = 0;
        for (int i = from; i < to; i++) sum += confidence[i];
        return sum / (to - from);
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * The lines of a page, top to bottom. A page read slightly askew is first turned straight,
     * unless turning it breaks more lines than it mends (a data layer printed a little above or
     * below its labels is not a page askew); lines are formed by boxes of ordinary height, and
     * small ones (a point, a stray mark) only join the line they sit in — unless the reader gave
     * them less than {@value #NOISE_CONFIDENCE} confidence: such specks are dropped.
     */
    static List<TextLine> of(PageText page) {
        List<TextBox> boxes = page.boxes().stream()
                .filter(b -> b.text() != null && !b.text().isBlank() && b.height() > 0).toList();
        double skew = skew(boxes);
        List<TextLine> straight = lines(boxes);
        if (Math.abs(skew) <= Math.toRadians(0.1)) return straight;
        List<TextLine> turned = lines(turned(boxes, -skew, page.width() / 2, page.height() / 2));
        return turned.size() <= straight.size() ? turned : straight;
    }

    /**
     * The boxes grouped into lines by vertical overlap, top to bottom. On a page read in two layers whose data stands off
     * its labels' rows by {@value #OFF_ROWS} of a line's height or more ({@link #dataOffset}), the data's boxes are grouped
     * as if moved back onto them, and the lines keep the boxes where they were read.
     */
    private static List<TextLine> lines(List<TextBox> all) {
        double[] heights = all.stream().mapToDouble(TextBox::height).sorted().toArray();
        double median = heights.length == 0 ? 0 : heights[heights.length / 2];
        double offset = dataOffset(all, median);
        if (Math.abs(offset) < OFF_ROWS * median) return linesOf(grouped(all, median / 2));
        Map<TextBox, TextBox> read = new IdentityHashMap<>();
        List<TextBox> moved = new ArrayList<>(all.size());
        for (TextBox b : all) {
            TextBox m = b.ink() == TextBox.Ink.DATA ? new TextBox(b.text(), b.x(), b.y() - offset, b.width(), b.height(), b.confidence(), b.ink()) : b;
            read.put(m, b);
            moved.add(m);
        }
        if (stacked(moved)) return linesOf(grouped(all, median / 2));
        List<Band> bands = grouped(moved, median / 2);
        bands.forEach(band -> band.where(read));
        return linesOf(bands);
    }

    /**
     * Whether the data's boxes, moved onto the rows, would stand over the form's: more than {@value #OVER} of them over a
     * label by half their height or more. Values printed under their labels, as a column's, are no row printed off the
     * grid (a row printed off it holds its values beside its labels).
     */
    private static boolean stacked(List<TextBox> moved) {
        List<TextBox> form = moved.stream().filter(b -> b.ink() == TextBox.Ink.FORM).toList();
        List<TextBox> data = moved.stream().filter(b -> b.ink() == TextBox.Ink.DATA).toList();
        long over = data.stream().filter(d -> form.stream().anyMatch(f -> Math.min(d.x() + d.width(), f.x() + f.width()) > Math.max(d.x(), f.x())
                && Math.min(d.y() + d.height(), f.y() + f.height()) - Math.max(d.y(), f.y()) >= 0.5 * Math.min(d.height(), f.height()))).count();
        return over > OVER * data.size();
    }

    /** The share of the data's boxes that may stand over a label once moved onto the rows. */
    static final double OVER = 0.2;

    /** A page's data standing off its labels' rows by this share of a line's height or more is grouped onto them. */
    static final double OFF_ROWS = 0.3;

    private static List<TextLine> linesOf(List<Band> bands) {
        bands.sort(Comparator.comparingDouble(Band::top));
        List<TextLine> lines = new ArrayList<>();
        for (Band band : bands) {
            TextLine line = band.line();
            if (line.length() > 0) lines.add(line);
        }
        return lines;
    }

    /** The boxes grouped into bands by vertical overlap; boxes lower than {@code ordinary} only join the band they sit in. */
    private static List<Band> grouped(List<TextBox> all, double ordinary) {
        List<Band> bands = new ArrayList<>();
        List<TextBox> boxes = new ArrayList<>(all);
        List<TextBox> small = boxes.stream().filter(b -> b.height() < ordinary && b.confidence() >= NOISE_CONFIDENCE).toList();
        boxes.removeIf(b -> b.height() < ordinary);
        boxes.sort(Comparator.comparingDouble(b -> b.y() + b.height() / 2));
        for (TextBox box : boxes) {
            Band best = null;
            double bestShare = 0;
            for (Band band : bands) {
                double overlap = Math.min(band.bottom(), box.y() + box.height()) - Math.max(band.top(), box.y());
                double share = overlap / Math.min(band.height(), box.height());
                if (share >= 0.5 && share > bestShare) {
                    best = band;
                    bestShare = share;
                }
            }
            if (best == null) {
                best = new Band();
                bands.add(best);
            }
            best.add(box);
        }
        bands = offTheGridJoined(bands);
        for (TextBox box : small) {
            double centre = centreY(box);
            bands.stream().filter(band -> band.top() <= centre && centre <= band.bottom()).findFirst()
                    .ifPresent(band -> band.attach(box));
        }
        return bands;
    }

    /**
     * How far a page's data stands below its form's labels (above: negative), in the page's units; zero where the page was
     * not read in two layers or its data stands at no one distance from the labels' rows. Each box read in the data's ink
     * lies some way below the nearest row of the form's boxes above it, and some way above the nearest below: the data
     * printed off the grid stands the same way below its own row, the way to the next row changing with the rows' pitch.
     * Of the two, the one that most of the data's boxes share to within {@value #SHARED} of a line's height is the
     * offset: its median, when more than {@value #SHARING} of the data's boxes share it and it is less than a line's height (data further
     * off stands on no row of its labels: a settlement statement prints its values a row below them). Set 1's other forms
     * photographed with the data 1.8 mm low: 10 to 22 pixels on lines 25 high, shared by 46–72 % of the data's boxes
     * (the other way, by 4–35 %); photographed on the grid, 0.5 to 7.
     */
    static double dataOffset(List<TextBox> boxes, double height) {
        double[] form = boxes.stream().filter(b -> b.ink() == TextBox.Ink.FORM).mapToDouble(TextLine::centreY).sorted().toArray();
        List<TextBox> data = boxes.stream().filter(b -> b.ink() == TextBox.Ink.DATA).toList();
        if (form.length < 10 || data.size() < 10) return 0;
        List<Double> below = new ArrayList<>(), above = new ArrayList<>();
        for (TextBox box : data) {
            double cy = centreY(box);
            int at = Arrays.binarySearch(form, cy);
            int up = at >= 0 ? at : -at - 2, down = at >= 0 ? at : -at - 1;
            if (up >= 0) below.add(cy - form[up]);
            if (down < form.length) above.add(cy - form[down]);
        }
        double[] one = shared(below, height), other = shared(above, height);
        // data further off than a line's height is not on that row: a statement's values stand a row below their labels
        double[] offset = Math.abs(other[0]) >= height || Math.abs(one[0]) < height && one[1] >= other[1] ? one : other;
        return Math.abs(offset[0]) < height && offset[1] > SHARING * data.size() ? offset[0] : 0;
    }

    /** Boxes share an offset when they lie within this share of a line's height of its median. */
    static final double SHARED = 0.25;
    /** The share of the data's boxes that must share an offset for the data to stand off its rows by it. */
    static final double SHARING = 0.4;

    /** The median of the offsets and how many lie within {@link #SHARED} of a line's height of it. */
    private static double[] shared(List<Double> offsets, double height) {
        if (offsets.isEmpty()) return new double[] {0, 0};
        double[] sorted = offsets.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        return new double[] {median, Arrays.stream(sorted).filter(d -> Math.abs(d - median) <= SHARED * height).count()};
    }

    /**
     * How far the lines of text slope (radians, positive going down to the right): the median
     * slope between each box and its nearest neighbour to the right on the same line. A scan or
     * photo tilted by a degree drifts by more than a line height across a receipt.
     */
    static double skew(List<TextBox> boxes) {
        List<Double> slopes = new ArrayList<>();
        for (TextBox box : boxes) {
            TextBox nearest = null;
            double nearestGap = Double.MAX_VALUE;
            double right = box.x() + box.width();
            for (TextBox other : boxes) {
                if (other == box) continue;
                double gap = other.x() - right;
                double height = Math.min(box.height(), other.height());
                if (gap < -0.5 * height || gap > 3 * height || gap >= nearestGap) continue;
                if (Math.max(box.height(), other.height()) > 1.6 * height) continue;
                if (Math.abs(centreY(other) - centreY(box)) > 0.8 * height) continue;
                nearest = other;
                nearestGap = gap;
            }
            if (nearest != null) {
                double dx = nearest.x() + nearest.width() / 2 - (box.x() + box.width() / 2);
                if (dx > 0) slopes.add(Math.atan2(centreY(nearest) - centreY(box), dx));
            }
        }
        if (slopes.size() < 5) return 0;
        slopes.sort(null);
        double median = slopes.get(slopes.size() / 2);
        return Math.abs(median) > Math.toRadians(10) ? 0 : median;
    }

    private static double centreY(TextBox box) {
        return box.y() + box.height() / 2;
    }

    /** The boxes with their centres turned by {@code angle} about (cx, cy); their sizes stay. */
    private static List<TextBox> turned(List<TextBox> boxes, double angle, double cx, double cy) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        List<TextBox> turned = new ArrayList<>(boxes.size());
        for (TextBox b : boxes) {
            double x = b.x() + b.width() / 2 - cx;
            double y = centreY(b) - cy;
            double nx = cx + x * cos - y * sin;
            double ny = cy + x * sin + y * cos;
            turned.add(new TextBox(b.text(), nx - b.width() / 2, ny - b.height() / 2, b.width(), b.height(), b.confidence(), b.ink()));
        }
        return turned;
    }

    /** Two bands whose centres are nearer than this many of their heights are one row printed partly off the grid. */
    static final double OFF_GRID = 0.9;
    /**
     * Characters each of two bands holds at the least to be joined so: a seal's words around its ring stand a character or
     * two a band (a name's two characters alone joined too, set 1's scans lost a field each with the seal's joined).
     */
    static final int OFF_GRID_CHARACTERS = 4;

    /**
     * The bands with each pair that is one row printed off the grid made one: a hospital's printer feeds the pre-printed
     * form a little off, and a row's values stand half a line above or below its labels (票据代码： above 42010126 by two
     * millimetres), too far for the values and the labels to share the half of their height that puts boxes on one line.
     * Two bands are so when their centres are nearer than {@value #OFF_GRID} of the taller's height — the rows of a form
     * stand a line height and more apart — each holds {@value #OFF_GRID_CHARACTERS} characters or more, and no box of one
     * stands over a box of the other: a row's labels and values alternate along it.
     */
    private static List<Band> offTheGridJoined(List<Band> bands) {
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingDouble(b -> (b.top() + b.bottom()) / 2));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Band a = sorted.get(i);
            Band b = sorted.get(i + 1);
            double apart = (b.top() + b.bottom()) / 2 - (a.top() + a.bottom()) / 2;
            if (apart >= OFF_GRID * Math.max(a.height(), b.height()) || a.characters() < OFF_GRID_CHARACTERS
                    || b.characters() < OFF_GRID_CHARACTERS || a.overlapsAlong(b)) continue;
            b.boxes.forEach(a::add);
            sorted.remove(i + 1);
            i--;
        }
        return sorted;
    }

    /** Boxes that share a line; its extent is the mean of theirs, so one tall box cannot stretch it. */
    private static final class Band {
        private final List<TextBox> boxes = new ArrayList<>();
        private final List<TextBox> attached = new ArrayList<>();
        private double tops;
        private double bottoms;

        /** A small box rides along without moving the line. */
        void attach(TextBox box) {
            attached.add(box);
        }

        /** The band with each box put back where it was read ({@code read}: the box grouped to the box read). */
        void where(Map<TextBox, TextBox> read) {
            List<TextBox> grouped = new ArrayList<>(boxes);
            boxes.clear();
            tops = 0;
            bottoms = 0;
            grouped.forEach(box -> add(read.get(box)));
            attached.replaceAll(read::get);
        }

        void add(TextBox box) {
            boxes.add(box);
            tops += box.y();
            bottoms += box.y() + box.height();
        }

        double top() {
            return tops / boxes.size();
        }

        double bottom() {
            return bottoms / boxes.size();
        }

        double height() {
            return bottom() - top();
        }

        int characters() {
            return boxes.stream().mapToInt(b -> b.text().codePointCount(0, b.text().length())).sum();
        }

        /** Whether a box of this band and one of the other stand over each other along the line. */
        boolean overlapsAlong(Band other) {
            for (TextBox mine : boxes) {
                for (TextBox theirs : other.boxes) {
                    if (Math.min(mine.x() + mine.width(), theirs.x() + theirs.width()) - Math.max(mine.x(), theirs.x()) > 0) return true;
                }
            }
            return false;
        }

        TextLine line() {
            List<Glyph> glyphs = new ArrayList<>();
            for (TextBox box : boxes) glyphs.addAll(Glyph.of(box));
            for (TextBox box : attached) glyphs.addAll(Glyph.of(box));
            glyphs.sort(Comparator.comparingDouble(Glyph::left));
            StringBuilder text = new StringBuilder();
            double[] left = new double[glyphs.size()];
            double[] right = new double[glyphs.size()];
            double[] confidence = new double[glyphs.size()];
            TextBox.Ink[] inks = new TextBox.Ink[glyphs.size()];
            for (int i = 0; i < glyphs.size(); i++) {
                Glyph g = glyphs.get(i);
                text.append(g.character());
                left[i] = g.left();
                right[i] = g.right();
                confidence[i] = g.confidence();
                inks[i] = g.ink();
            }
            double[] heights = boxes.stream().mapToDouble(TextBox::height).sorted().toArray();
            double median = heights.length == 0 ? 0 : heights[heights.length / 2];
            return new TextLine(text.toString(), left, right, confidence, inks, top(), bottom(), median);
        }
    }

    /** One character of a box, placed by sharing the box's width (a CJK character counts twice a Latin one). */
    private record Glyph(char character, double left, double right, double confidence, TextBox.Ink ink) {

        static List<Glyph> of(TextBox box) {
            String text = box.text();
            double[] weights = new double[text.length()];
            double total = 0;
            for (int i = 0; i < text.length(); i++) {
                weights[i] = Character.isLowSurrogate(text.charAt(i)) ? 0 : text.charAt(i) < 0x2E80 ? 0.5 : 1.0;
                total += weights[i];
            }
            List<Glyph> glyphs = new ArrayList<>(text.length());
            double x = box.x();
            double confidence = Math.max(0, Math.min(1, box.confidence()));
            for (int i = 0; i < text.length(); i++) {
                double width = total == 0 ? 0 : box.width() * weights[i] / total;
                char c = fold(text.charAt(i));
                if (!Character.isWhitespace(c)) glyphs.add(new Glyph(c, x, x + width, confidence, box.ink()));
                x += width;
            }
            return glyphs;
        }
    }

    /**
     * Full-width ASCII forms and the ideographic space folded to ASCII; a few look-alike colons to ':'; the CJK
     * brackets OCR reads a printed （ or ） as (〈 【 《 「 〔 and their closing forms: 收款单位〈章】) to '(' and ')', so
     * that a label printed with brackets is found whole and nothing of it is left before its value.
     */
    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') return (char) (c - 0xFEE0);
        if (c == '\u3000') return ' ';
        if (c == '\u2236' || c == '\uFE55' || c == '\uFE13') return ':';
        if (c == '〈' || c == '【' || c == '《' || c == '「' || c == '〔') return '(';
        if (c == '〉' || c == '】' || c == '》' || c == '」' || c == '〕') return ')';
        if (c == '\u00A5') return '¥';
        return c;
    }

    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = fold(chars[i]);
        return new String(chars).replaceAll("\\s+", "");
    }
}
