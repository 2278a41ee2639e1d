package org.huzhu.recognition;

import java.util.List;

/** The text of one page with its size in the same units as its boxes. */
public record PageText(int pageIndex, double width, double height, List<TextBox> boxes) {}
