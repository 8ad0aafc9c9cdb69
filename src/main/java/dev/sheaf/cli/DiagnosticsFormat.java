package dev.sheaf.cli;

import picocli.CommandLine.Option;

/** {@code --diagnostics text|json}, shared by build and check. */
final class DiagnosticsFormat {

    enum Format { text, json }

    @Option(names = "--diagnostics", paramLabel = "FORMAT", defaultValue = "text",
            description = "How problems are printed: text (path:line:col: error: …, on standard error) or json "
                    + "(one JSON object per line on standard output, every severity; see the README).")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }
}
