package org.huzhu.recognition;

import java.util.List;

/**
 * A second look at one line of a page image already read: the text inside a box (in the page's
 * own units, as its {@link TextBox}es) read as a single line, at a larger scale than the page was
 * read at, in the given characters only. Safe to call from any thread.
 */
public interface LineReader {

    /**
     * The line inside the box read again at {@code scale} times the page's size (an engine may enlarge a
     * box of large print less, to read every line at about the same size), in the characters
     * of {@code alphabet} only (empty: any the model knows); its confidence is the mean of its
     * characters' (0..1). Null when nothing could be read.
     */
    TextBox readLine(double x, double y, double width, double height, double scale, String alphabet);

    /**
     * A form's printed label inside the box read again as one line at {@code scale}, in the characters the forms' labels
     * are written with, on the layer of the page that holds them (the form's ink, where the page was parted into form
     * and data). Null when nothing could be read, and from a reader that has no such look.
     */
    default TextBox readLabel(double x, double y, double width, double height, double scale) {
        return null;
    }

    /**
     * The line read as {@link #readLine} does, on the page's data without a seal's lighter ink, where the page was read
     * as one layer that still holds it (a grey scan of a form the template does not register): the seal's ring across a
     * hospital's name was read as characters of its own. Null when nothing could be read, and where the page has no
     * such layer (a colour page's data has no seal; a registered grey page's neither).
     */
    default TextBox readLineWithoutSeal(double x, double y, double width, double height, double scale, String alphabet) {
        return null;
    }

    /**
     * A form's printed label read as {@link #readLabel} does, on the page as it came with its seal, where a seal found by
     * its shape, or its ring alone, was taken out of the page's one layer and took the labels under it along (a grey
     * scan whose labels are no darker than its seal: 自付金额 gone under the ring, where the page with it still shows
     * 自付). Null when nothing could be read, and where the page has no such layer (a colour page, a parted grey page, one
     * on which no seal was found).
     */
    default TextBox readLabelWithSeal(double x, double y, double width, double height, double scale) {
        return null;
    }

    /**
     * A form's printed label read as {@link #readLabel} does, on the form's layer without the solid star at the centre of
     * the page's seal, where the star lies over the label: what is left of it beside the star reads as its remnant
     * (自 … 额 of 自付金额, the star over 付金), where the star read among them made other characters; on a grey page whose
     * seal was taken out by its grey, the labels under the star with it, the page as it came with the seal's ring out and
     * its star divided out (个人自付 read so where the page with the star read 代个办). Null when nothing could be read, and
     * where the page has no such layer (a colour page with no seal found, a grey page whose seal was not taken out).
     */
    default TextBox readLabelWithoutStar(double x, double y, double width, double height, double scale) {
        return null;
    }

    /**
     * The line read as {@link #readLine} does, on the page with both its inks, the form's labels beside the data (where
     * the page was parted into form and data; else as {@link #readLine}): a name read with its label before it, which
     * the line model reads in context where it read the name alone as nothing. Null when nothing could be read.
     */
    default TextBox readLineWithLabels(double x, double y, double width, double height, double scale, String alphabet) {
        return readLine(x, y, width, height, scale, alphabet);
    }

    /**
     * The words along the upper arc of the round seal found on the page (a 收费专用章 names its hospital there), unrolled
     * into a line and read by each model a look may use: one read a model, the empty ones left out. Empty where the page
     * has no seal's ring, and from a reader that has no such look.
     */
    default List<String> readSealWords() {
        return List.of();
    }

    /**
     * After how many of a name's {@code characters} the one middle dot the ink inside the box holds stands (麦克·李: 2),
     * on the page's data: the dot OCR dropped or read as another mark. 0 when there is none there, and from a reader that
     * has no such look.
     */
    default int middleDotAfter(double x, double y, double width, double height, int characters) {
        return 0;
    }

    /** Reads nothing: for pages that were not read by OCR. */
    LineReader NONE = (x, y, width, height, scale, alphabet) -> null;

    /**
     * The seal's disc where the page read keeps the data under the seal (a grey page whose ring was taken out and star
     * divided out, the words inside it left as they lie under the seal's ink), in the page's units as the lines' boxes
     * are: an amount read there may hold a stroke of the seal as a digit. Null where the page read has no seal on it, and
     * from a reader that has no such look.
     */
    default Disc sealDisc() {
        return null;
    }

    /** A disc on the page: its centre and radius, in the page's units. */
    record Disc(double x, double y, double radius) {
        /** The disc about the same centre, its radius times the factor. */
        public Disc widened(double factor) {
            return new Disc(x, y, radius * factor);
        }

        /** Whether any of the area lies within the disc. */
        public boolean reaches(ReceiptReading.Area area) {
            double nearestX = Math.max(area.x(), Math.min(x, area.x() + area.width()));
            double nearestY = Math.max(area.y(), Math.min(y, area.y() + area.height()));
            return Math.hypot(nearestX - x, nearestY - y) <= radius;
        }
    }
}
