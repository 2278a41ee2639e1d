package org.huzhu.recognition;

/** One line of a receipt's fee table: the item as printed and its amount ({@code "450.00"}). */
public record FeeLine(String name, String amount) {}
