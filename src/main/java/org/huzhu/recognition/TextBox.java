package org.huzhu.recognition;

/**
 * A run of text on a page: coordinates in the page's own units (PDF points, OFD millimetres, image
 * pixels), origin top-left, y growing downwards; (x, y) is the top-left corner of the box.
 * {@code confidence} is 0..1 (1 for PDF/OFD text).
 */
public record TextBox(String text, double x, double y, double width, double height, double confidence) {}
