package org.huzhu.recognition;

import java.util.List;

/** The pages of one document as text boxes, and where the text came from. */
record ReadPages(TextSource source, List<PageText> pages) {}
