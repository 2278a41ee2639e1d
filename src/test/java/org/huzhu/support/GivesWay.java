package org.huzhu.support;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a class that runs beside the suite's chain ({@link RunsAlongside}) and only computes — reads receipt images, draws
 * specimens, analyses classes — and waits on nothing with a deadline: its thread runs at the lowest but one CPU priority
 * (nice 10) while the class runs, and so do the threads it starts (Linux gives a new thread its creator's priority: the
 * OCR pool's pages). The chain is the suite's longest path; its tests and the processes they drive (Chromium,
 * PostgreSQL) then have the cores first, and the reading takes the time they leave. The priority is set back after the
 * class; where the machine does not let a thread raise its priority again (not root), it stays low, which costs only
 * time. {@code GivesWayTest} checks both moves.
 */
public final class GivesWay implements BeforeAllCallback, AfterAllCallback {

    /** The nice value a class that gives way runs at. */
    static final int NICE = 10;

    private interface C extends Library {
        int setpriority(int which, int who, int priority);
    }

    private static final int PRIO_PROCESS = 0;

    @Override
    public void beforeAll(ExtensionContext context) {
        setNice(NICE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        setNice(0);
    }

    /** Sets the calling thread's nice value; false where Linux refuses (or there is no Linux). */
    static boolean setNice(int nice) {
        try {
            C c = Native.load("c", C.class);
            return c.setpriority(PRIO_PROCESS, threadId(), nice) == 0;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The calling thread's nice value, as /proc gives it (field 19 of its stat line). */
    static int nice() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]);
    }

    /** The calling thread's id in the kernel (/proc/thread-self links to PID/task/TID). */
    private static int threadId() throws IOException {
        return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }
}
