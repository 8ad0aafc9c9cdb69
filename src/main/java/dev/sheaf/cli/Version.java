package dev.sheaf.cli;

import picocli.CommandLine;

/** {@code --version}: the version from the jar manifest. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"sheaf " + (v == null ? "(development build)" : v)};
    }
}
