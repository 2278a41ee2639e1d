package org.huzhu.recognition;

import static org.huzhu.recognition.RecognitionLimits.MAX_ZIP_ENTRIES;
import static org.huzhu.recognition.RecognitionLimits.MAX_ZIP_RATIO;
import static org.huzhu.recognition.RecognitionLimits.MAX_ZIP_UNCOMPRESSED_BYTES;
import static org.huzhu.recognition.RecognitionLimits.ZIP_RATIO_GRACE_BYTES;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.huzhu.shared.web.UnreadableUploadException;

/**
 * A zip archive read from memory through its central directory, with the guards a zip bomb
 * meets: at most {@value RecognitionLimits#MAX_ZIP_ENTRIES} entries, at most 50 MB unpacked in
 * all, at most {@value RecognitionLimits#MAX_ZIP_RATIO}:1 per entry (past a 100 KB grace), no
 * names that climb out of the archive. Declared sizes are checked before anything is inflated and
 * the bytes actually inflated are counted again, so a lying header gains nothing. Only the entries
 * asked for are inflated.
 */
final class ZipPackage {

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;

    private record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long localHeader) {}

    private final byte[] zip;
    private final Map<String, Entry> entries;
    private long inflated;

    private ZipPackage(byte[] zip, Map<String, Entry> entries) {
        this.zip = zip;
        this.entries = entries;
    }

    /**
     * The entry names of a zip (case kept), or null when the bytes hold no readable central
     * directory. Sizes are not judged here: a bomb is still an OFD, refused as a bomb when opened.
     */
    static java.util.Set<String> namesOrNull(byte[] content) {
        try {
            return directory(content, false).entries.keySet();
        } catch (UnreadableUploadException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Reads the central directory and checks every declared size; nothing is inflated yet. */
    static ZipPackage open(byte[] zip) {
        return directory(zip, true);
    }

    private static ZipPackage directory(byte[] zip, boolean guarded) {
        int end = findEndOfDirectory(zip);
        if (end < 0) throw unreadable("OFD 文件不是完整的 zip 包");
        int count = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directoryOffset = u32(zip, end + 16);
        if (count == 0xFFFF || directoryOffset == 0xFFFFFFFFL) throw unreadable("OFD 包使用了不支持的 ZIP64 格式");
        if (guarded && count > MAX_ZIP_ENTRIES) throw bomb("OFD 包内文件超过 " + MAX_ZIP_ENTRIES + " 个");
        if (directoryOffset + directorySize > end) throw unreadable("OFD 文件的 zip 目录已损坏");
        Map<String, Entry> entries = new LinkedHashMap<>();
        long declaredTotal = 0;
        int at = (int) directoryOffset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > end || u32(zip, at) != DIRECTORY_ENTRY) throw unreadable("OFD 文件的 zip 目录已损坏");
            int flags = u16(zip, at + 8);
            int method = u16(zip, at + 10);
            long crc = u32(zip, at + 16);
            long compressed = u32(zip, at + 20);
            long size = u32(zip, at + 24);
            int nameLength = u16(zip, at + 28);
            int extraLength = u16(zip, at + 30);
            int commentLength = u16(zip, at + 32);
            long localHeader = u32(zip, at + 42);
            if (at + 46 + nameLength > end) throw unreadable("OFD 文件的 zip 目录已损坏");
            String name = new String(zip, at + 46, nameLength,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || localHeader == 0xFFFFFFFFL) {
                throw unreadable("OFD 包使用了不支持的 ZIP64 格式");
            }
            if (guarded && climbsOut(name)) throw unreadable("OFD 包内含有非法路径：" + printable(name));
            if (guarded && size > ZIP_RATIO_GRACE_BYTES && size > MAX_ZIP_RATIO * Math.max(compressed, 1)) {
                throw bomb("OFD 包内文件的压缩比超过 " + MAX_ZIP_RATIO + ":1");
            }
            declaredTotal += size;
            if (guarded && declaredTotal > MAX_ZIP_UNCOMPRESSED_BYTES) throw bomb("OFD 包解压后超过 50 MB");
            if (!name.endsWith("/")) entries.put(name, new Entry(name, method, flags, crc, compressed, size, localHeader));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return new ZipPackage(zip, entries);
    }

    boolean contains(String name) {
        return find(name) != null;
    }

    /** The unpacked bytes of an entry (names compared without regard to case), or null when absent. */
    byte[] read(String name) {
        Entry entry = find(name);
        if (entry == null) return null;
        if ((entry.flags() & 1) != 0) throw unreadable("OFD 包内文件已加密，无法读取");
        long header = entry.localHeader();
        if (header + 30 > zip.length || u32(zip, (int) header) != LOCAL_HEADER) throw unreadable("OFD 文件的 zip 数据已损坏");
        long start = header + 30 + u16(zip, (int) header + 26) + u16(zip, (int) header + 28);
        if (start + entry.compressedSize() > zip.length) throw unreadable("OFD 文件的 zip 数据不完整");
        byte[] data = switch (entry.method()) {
            case 0 -> stored(entry, (int) start);
            case 8 -> inflate(entry, (int) start);
            default -> throw unreadable("OFD 包使用了不支持的压缩方式");
        };
        CRC32 crc = new CRC32();
        crc.update(data);
        if (crc.getValue() != entry.crc()) throw unreadable("OFD 包内文件已损坏（校验失败）");
        return data;
    }

    private byte[] stored(Entry entry, int start) {
        if (entry.size() != entry.compressedSize()) throw unreadable("OFD 文件的 zip 数据已损坏");
        count(entry.size());
        byte[] data = new byte[(int) entry.size()];
        System.arraycopy(zip, start, data, 0, data.length);
        return data;
    }

    private byte[] inflate(Entry entry, int start) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip, start, (int) entry.compressedSize());
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(entry.size(), 1 << 20));
            byte[] buffer = new byte[64 * 1024];
            long produced = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw unreadable("OFD 包内文件已损坏（数据不完整）");
                produced += n;
                if (produced > entry.size()) throw bomb("OFD 包内文件解压后比声明的大");
                if (produced > ZIP_RATIO_GRACE_BYTES && produced > MAX_ZIP_RATIO * Math.max(entry.compressedSize(), 1)) {
                    throw bomb("OFD 包内文件的压缩比超过 " + MAX_ZIP_RATIO + ":1");
                }
                count(n);
                out.write(buffer, 0, n);
            }
            if (produced != entry.size()) throw unreadable("OFD 包内文件已损坏（长度不符）");
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw unreadable("OFD 包内文件已损坏（无法解压）");
        } finally {
            inflater.end();
        }
    }

    private void count(long bytes) {
        inflated += bytes;
        if (inflated > MAX_ZIP_UNCOMPRESSED_BYTES) throw bomb("OFD 包解压后超过 50 MB");
    }

    private Entry find(String name) {
        Entry exact = entries.get(name);
        if (exact != null) return exact;
        for (Entry e : entries.values()) if (e.name().equalsIgnoreCase(name)) return e;
        return null;
    }

    /**
     * Resolves a location inside the package against a base folder ("" for the root): absolute
     * locations start at the root, "." and ".." are folded, and one that climbs out is refused.
     */
    static String resolve(String baseFolder, String location) {
        String loc = location.trim().replace('\\', '/');
        String joined = loc.startsWith("/") ? loc.substring(1) : (baseFolder.isEmpty() ? loc : baseFolder + "/" + loc);
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (parts.isEmpty()) throw unreadable("OFD 文件引用了包外的路径：" + printable(location));
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static boolean climbsOut(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) return true;
        for (String part : n.split("/")) if (part.equals("..")) return true;
        return false;
    }

    private static String printable(String name) {
        String cut = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static int findEndOfDirectory(byte[] zip) {
        int lowest = Math.max(0, zip.length - 22 - 0xFFFF);
        for (int i = zip.length - 22; i >= lowest; i--) {
            if (u32(zip, i) == END_OF_DIRECTORY && i + 22 + u16(zip, i + 20) <= zip.length) return i;
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at)) | ((long) u16(b, at + 2)) << 16;
    }

    private static UnreadableUploadException unreadable(String message) {
        return new UnreadableUploadException(message);
    }

    private static UnreadableUploadException bomb(String message) {
        return new UnreadableUploadException(message + "，疑似压缩炸弹，已拒绝");
    }

    @Override
    public String toString() {
        return "ZipPackage[" + entries.size() + " entries]";
    }
}
