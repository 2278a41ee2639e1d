package org.huzhu.claims;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types a claim document may have, recognised by their first bytes (never by the name a
 * client gave): PDF, PNG, JPEG photos, and OFD electronic receipts (a zip holding OFD.xml).
 */
enum DocumentType {
    PDF("application/pdf"), PNG("image/png"), JPEG("image/jpeg"), OFD("application/ofd");

    private final String contentType;

    DocumentType(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** The type of the content, or null when it is none of the accepted ones. */
    static DocumentType of(byte[] content) {
        if (startsWith(content, '%', 'P', 'D', 'F')) return PDF;
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return PNG;
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) return JPEG;
        if (startsWith(content, 'P', 'K', 0x03, 0x04) && holdsOfdXml(content)) return OFD;
        return null;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((content[i] & 0xFF) != magic[i]) return false;
        return true;
    }

    private static boolean holdsOfdXml(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.equalsIgnoreCase("OFD.xml") || name.endsWith("/OFD.xml")) return true;
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
