package org.huzhu.recognition.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import net.sourceforge.tess4j.TessAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads libtesseract once per JVM. Debian's build uses OpenMP, which on a small machine makes a
 * page several times slower than one thread does; since pages run in parallel instead,
 * {@code OMP_THREAD_LIMIT=1} belongs in the JVM's environment (./huzhu and the test runner set it).
 * When it is missing a warning is logged once and it is set in this process before the library —
 * and with it libgomp, which reads it when loaded — comes in.
 */
final class TesseractLibrary {

    private static final Logger log = LoggerFactory.getLogger(TesseractLibrary.class);
    private static TessAPI api;
    private static String version;

    private TesseractLibrary() {
    }

    /** Tesseract's version; throws a LinkageError when libtesseract is not installed. */
    static synchronized String load() {
        if (version != null) return version;
        limitOpenMp();
        TessAPI loaded = Native.load("tesseract", TessAPI.class);
        version = loaded.TessVersion();
        api = loaded;
        return version;
    }

    /** The loaded library; call {@link #load()} first. */
    static synchronized TessAPI api() {
        if (api == null) load();
        return api;
    }

    private static void limitOpenMp() {
        if (System.getenv("OMP_THREAD_LIMIT") != null) return;
        log.warn("OMP_THREAD_LIMIT is not set: Tesseract's OpenMP threads would slow every page down. "
                + "Setting OMP_THREAD_LIMIT=1 for this process; start Huzhu through ./huzhu or export it.");
        try {
            Native.load("c", LibC.class).setenv("OMP_THREAD_LIMIT", "1", 0);
        } catch (LinkageError e) {
            log.warn("could not set OMP_THREAD_LIMIT: {}", e.toString());
        }
    }

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }
}
