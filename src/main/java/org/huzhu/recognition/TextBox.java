package org.huzhu.recognition;

/**
 * A run of text on a page: coordinates in the page's own units (PDF points, OFD millimetres, image
 * pixels), origin top-left, y growing downwards; (x, y) is the top-left corner of the box.
 * {@code confidence} is 0..1 (1 for PDF/OFD text). {@code ink} says in which layer of an image parted into its printed
 * form and its data the box was read.
 */
public record TextBox(String text, double x, double y, double width, double height, double confidence, Ink ink) {

    /**
     * Where the text was read: {@code FORM} the form's layer (labels, title, rules: red ink parted from black), {@code DATA}
     * the data's; {@code EITHER} a page read whole (a text layer, an OFD, an image read as one layer), where ink says
     * nothing.
     */
    public enum Ink { EITHER, FORM, DATA }

    /** A box of a page read whole. */
    public TextBox(String text, double x, double y, double width, double height, double confidence) {
        this(text, x, y, width, height, confidence, Ink.EITHER);
    }
}
