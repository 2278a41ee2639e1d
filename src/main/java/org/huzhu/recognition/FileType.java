package org.huzhu.recognition;

/** The four kinds of file recognition reads, told apart by their first bytes, never by their names. */
enum FileType {
    PDF, OFD, PNG, JPEG;

    boolean isImage() {
        return this == PNG || this == JPEG;
    }
}
