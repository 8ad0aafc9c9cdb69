package dev.sheaf.cli.resident;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Gives memory back while a resident process waits: a build grows the heap to what it needed (several hundred
 * megabytes for a book with a PDF), and C's allocator keeps what the JIT and native libraries freed. Collecting the
 * heap lets the JVM shrink it; the JVM's own "trim native heap" command (Java 17.0.9 and later, on glibc) returns the
 * allocator's free pages. Measured on the companion after six builds of every edition: 880 MB resident, 400 MB after
 * the collection, 210 MB after the trim.
 */
final class IdleMemory {

    private IdleMemory() {
    }

    static void release() {
        System.gc();
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception | LinkageError e) {
            // an older Java, another C library, no java.management: the collection alone has to do
        }
    }
}
