package org.huzhu.membership.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Detects the format of a roster file by its content and opens the matching reader. */
final class RosterFormats {

    /** How many leading bytes are looked at to tell the format and the text encoding. */
    static final int SAMPLE_SIZE = 64 * 1024;

    static final Charset GB18030 = Charset.forName("GB18030");

    static final String UNRECOGNISED = "无法识别的文件格式：请上传 CSV 或 XLSX 花名册";

    private RosterFormats() {
    }

    static RosterReader open(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file");
        }
        byte[] sample = readSample(file);
        if (sample.length == 0) {
            throw new RosterFileException("文件为空");
        }
        if (startsWith(sample, 'P', 'K', 3, 4) || startsWith(sample, 'P', 'K', 5, 6)) {
            requireWorkbookZip(file);
            return XlsxRosterReader.open(file);
        }
        if (startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            // OLE2 compound file: an encrypted (password-protected) XLSX, or a legacy .xls workbook
            throw new RosterFileException(
                    "无法读取加密或旧版（.xls）的 Excel 文件：请取消密码保护，另存为 .xlsx 或 CSV 后再上传");
        }
        if (startsWith(sample, 'P', 'K')) {
            throw new RosterFileException(UNRECOGNISED);
        }
        Charset charset = detectCsvCharset(sample, sample.length == SAMPLE_SIZE);
        return CsvRosterReader.open(file, charset, hasUtf8Bom(sample) ? 3 : 0);
    }

    private static byte[] readSample(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_SIZE);
        } catch (NoSuchFileException e) {
            throw new RosterFileException("文件不存在", e);
        } catch (IOException e) {
            throw new RosterFileException("无法读取文件", e);
        }
    }

    private static void requireWorkbookZip(Path file) {
        boolean workbook = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            workbook = zip.getEntry("xl/workbook.xml") != null;
            if (!workbook) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements() && !workbook) {
                    workbook = entries.nextElement().getName().equalsIgnoreCase("xl/workbook.xml");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new RosterFileException("Excel 文件已损坏，无法读取：请重新保存为 .xlsx 或 CSV 后再上传", e);
        }
        if (!workbook) {
            throw new RosterFileException(UNRECOGNISED + "（该压缩文件不是 Excel 工作簿）");
        }
    }

    static boolean hasUtf8Bom(byte[] b) {
        return startsWith(b, 0xEF, 0xBB, 0xBF);
    }

    /**
     * Picks the text encoding of a CSV sample: UTF-8 with BOM, valid UTF-8, else GB18030 (a superset
     * of GBK, what Excel on Chinese Windows writes). Rejects what is clearly not text.
     *
     * @param truncated whether the sample is only the beginning of the file (a multi-byte character
     *                  may then be cut at its end)
     */
    static Charset detectCsvCharset(byte[] sample, boolean truncated) {
        if (looksBinary(sample)) {
            throw new RosterFileException(UNRECOGNISED);
        }
        Charset charset;
        if (hasUtf8Bom(sample) || isValidUtf8(sample, truncated)) {
            charset = StandardCharsets.UTF_8;
        } else {
            charset = GB18030;
            if (!decodesCleanly(sample, charset, truncated)) {
                throw new RosterFileException(UNRECOGNISED);
            }
        }
        return charset;
    }

    /** NUL bytes, well-known binary signatures, or many control characters. */
    static boolean looksBinary(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F')
                || startsWith(b, 0x89, 'P', 'N', 'G')
                || startsWith(b, 0xFF, 0xD8, 0xFF)
                || startsWith(b, 'G', 'I', 'F', '8')
                || startsWith(b, 0x1F, 0x8B)
                || startsWith(b, 'R', 'a', 'r', '!')
                || startsWith(b, '7', 'z', 0xBC, 0xAF)
                || startsWith(b, 0x7F, 'E', 'L', 'F')) {
            return true;
        }
        int controls = 0;
        for (byte x : b) {
            if (x == 0) {
                return true;
            }
            if ((x >= 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\r' && x != '\f') || x == 0x7F) {
                controls++;
            }
        }
        return controls > 8 && controls > b.length / 100;
    }

    /**
     * Strict UTF-8 validation (no overlongs, surrogates or code points above U+10FFFF). When
     * {@code truncated}, an incomplete sequence at the very end is accepted.
     */
    static boolean isValidUtf8(byte[] b, boolean truncated) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    min2 = 0xA0;
                } else if (c == 0xED) {
                    max2 = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    min2 = 0x90;
                } else if (c == 0xF4) {
                    max2 = 0x8F;
                }
            } else {
                return false;
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= n) {
                    return truncated;
                }
                int cc = b[i + k] & 0xFF;
                int lo = k == 1 ? min2 : 0x80;
                int hi = k == 1 ? max2 : 0xBF;
                if (cc < lo || cc > hi) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }

    private static boolean decodesCleanly(byte[] sample, Charset charset, boolean truncated) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 16);
        CoderResult result = decoder.decode(in, out, !truncated);
        if (result.isError()) {
            return false;
        }
        if (!truncated) {
            try {
                return !decoder.flush(out).isError();
            } catch (IllegalStateException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
