package org.huzhu.recognition;

import java.util.Set;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.shared.web.UploadTooLargeException;

/**
 * Tells what an upload is from its first bytes (the name a client gave means nothing): PDF
 * ({@code %PDF-}), OFD (a zip holding {@code OFD.xml}), PNG or JPEG. Anything else, an empty file
 * or one over 10 MB is refused before any reader sees it.
 */
final class DocumentSniffer {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};

    private DocumentSniffer() {
    }

    static FileType sniff(byte[] content) {
        if (content == null || content.length == 0) throw new UnreadableUploadException("文件为空");
        if (content.length > RecognitionLimits.MAX_UPLOAD_BYTES) {
            throw new UploadTooLargeException("文件超过 10 MB，请上传 10 MB 以内的 PDF、OFD、PNG 或 JPEG 文件");
        }
        if (startsWith(content, PDF)) return FileType.PDF;
        if (startsWith(content, PNG)) return FileType.PNG;
        if (startsWith(content, JPEG)) return FileType.JPEG;
        if (startsWith(content, ZIP)) {
            Set<String> names = ZipPackage.namesOrNull(content);
            if (names != null && names.stream().anyMatch(n -> n.equalsIgnoreCase("OFD.xml"))) return FileType.OFD;
            throw new UnreadableUploadException("文件是 zip 压缩包但不是 OFD 电子票据（缺少 OFD.xml）；请上传 PDF、OFD、PNG 或 JPEG 文件");
        }
        throw new UnreadableUploadException("不支持的文件类型：请上传 PDF、OFD 电子票据、PNG 或 JPEG 图片");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return regionMatches(content, 0, magic);
    }

    private static boolean regionMatches(byte[] content, int at, byte[] magic) {
        if (content.length - at < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (content[at + i] != magic[i]) return false;
        return true;
    }
}
