package dev.sheaf.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code --version}: "sheaf 0.1.0 (commit 1a2b3c4)". The version comes from the jar's manifest, the commit
 * from {@code commit.txt}, which the build writes with {@code git describe} in a git checkout (see
 * pom.xml); a build from a source archive names no commit.
 */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        String commit = commit();
        String built = "";
        if (!commit.isEmpty()) {
            boolean modified = commit.endsWith("-modified");
            built = " (commit " + (modified ? commit.substring(0, commit.length() - "-modified".length())
                    + ", with uncommitted changes" : commit) + ")";
        }
        return new String[] {"sheaf " + (v == null || v.isBlank() ? "(development build)" : v) + built,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The abbreviated commit id, or empty when the build did not know it. */
    static String commit() {
        try (InputStream in = Version.class.getResourceAsStream("commit.txt")) {
            String c = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            // Anything but "1a2b3c4[-modified]" is git's complaint, not a commit.
            return c.matches("[0-9a-f]{7,40}(-modified)?") ? c : "";
        } catch (IOException e) {
            return "";
        }
    }
}
