package org.huzhu.shared.web;

/**
 * Where a page of a list begins: {@code offset}, how many of the list's rows come before it. A list read a page at a
 * time takes it beside {@code limit}, 0 when not given; a negative one is a 400 naming {@code offset}.
 */
public final class Offset {

    /** The parameter as the API's description words it. */
    public static final String DESCRIPTION = "跳过前多少条（分页；不能为负数）";

    /** What the caller of a negative offset is told. */
    public static final String NEGATIVE = "起始位置不能为负数";

    private Offset() {
    }

    /** The offset as given: a negative one is refused with a 400 naming {@code offset}. */
    public static int checked(int offset) {
        if (offset < 0) throw InvalidInputException.of("offset", NEGATIVE);
        return offset;
    }
}
