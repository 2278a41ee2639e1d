package org.huzhu.recognition.secondset;

import java.awt.Color;

/** The inks of the set: the form's red (or black on black-only forms), the data's black, the seal's red. */
final class Inks {

    static final Color FORM_RED = new Color(196, 38, 46);
    static final Color BLACK = new Color(22, 22, 26);
    static final Color SEAL_RED = new Color(222, 32, 40);
    /** How much of the seal's colour one pass of ink lays down (before its mottle). */
    static final double SEAL_OPACITY = 0.82;

    private Inks() {
    }

    static Color of(Sheet sheet, Sheet.Ink ink) {
        return switch (ink) {
            case DATA -> BLACK;
            case FORM -> sheet.look.colourForm() ? FORM_RED : BLACK;
            case TITLE -> sheet.look.redTitle() ? FORM_RED : BLACK;
        };
    }
}
